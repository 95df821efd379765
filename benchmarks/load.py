"""Load generator, run as its own process: `python -m benchmarks.load ws|http URL SESSIONS`.

Each simulated session connects (ws: opens /ws and waits for the page-load update; http: one
keep-alive connection), then the process prints "ready" and waits for "go SECONDS" on stdin.
It then loops event -> reply for SECONDS and prints {"events": n, "cpu": seconds} as JSON.
The same code drives blocks and the bare FastAPI baseline (both serve GET /config).
"""

from __future__ import annotations

import asyncio
import resource
import sys
import time
import urllib.request
from typing import Any

import httpx
import orjson
from websockets.asyncio.client import connect


def component_ids(url: str) -> tuple[str, str, int]:
    """(input textbox id, output textbox id, button id) from GET /config, found by label/renderer."""
    with urllib.request.urlopen(url + "config") as response:
        components = orjson.loads(response.read())["components"]
    by_label = {c["props"].get("label"): cid for cid, c in components.items() if c["renderer"] == "textbox"}
    button = next(cid for cid, c in components.items() if c["renderer"] == "button")
    return by_label["in"], by_label["out"], int(button)


def open_page(url: str) -> Any:
    """A page's WebSocket to the server at `url` (no compression, no frame size limit)."""
    return connect(url.replace("http", "ws", 1) + "ws", compression=None, max_size=None)


async def hello(ws: Any) -> None:
    """Start a new session and wait for its page load."""
    await ws.send(orjson.dumps({"type": "hello", "resume": None, "browser_state": {}}).decode())
    await _until_done(ws, 0)


async def click(ws: Any, seq: int, button: int, values: dict[str, Any]) -> None:
    """Click `button` with these page values; return once the event's done frame came."""
    event = {"type": "event", "seq": seq, "target": button, "event": "click", "values": values}
    await ws.send(orjson.dumps(event).decode())
    await _until_done(ws, seq)


async def ws_session(url: str, ids: tuple[str, str, int], ready: asyncio.Event, go: asyncio.Future,
                     counts: list[int]) -> None:
    source, _, button = ids
    async with open_page(url) as ws:
        await hello(ws)
        ready.set()
        end = await go
        seq = 0
        while True:
            seq += 1
            await click(ws, seq, button, {source: f"m{seq}"})
            if time.perf_counter() > end:
                return
            counts[0] += 1


async def _until_done(ws: Any, seq: int) -> None:
    while True:
        message = orjson.loads(await ws.recv())
        if message["type"] == "update" and message["seq"] == seq and message["done"]:
            return
        if message["type"] in ("error", "expired"):
            raise RuntimeError(f"server answered {message}")


async def http_session(url: str, ids: tuple[str, str, int], ready: asyncio.Event, go: asyncio.Future,
                       counts: list[int]) -> None:
    async with httpx.AsyncClient(base_url=url, limits=httpx.Limits(max_connections=1)) as client:
        (await client.post("api/echo", json={"data": ["warm"]})).raise_for_status()
        ready.set()
        end = await go
        n = 0
        while True:
            n += 1
            response = await client.post("api/echo", content=orjson.dumps({"data": [f"m{n}"]}),
                                         headers={"content-type": "application/json"})
            response.raise_for_status()
            if time.perf_counter() > end:
                return
            counts[0] += 1


async def main(kind: str, url: str, sessions: int) -> None:
    loop = asyncio.get_running_loop()
    ids = component_ids(url)
    go: asyncio.Future = loop.create_future()
    counts = [0]
    session = ws_session if kind == "ws" else http_session
    readies = [asyncio.Event() for _ in range(sessions)]
    tasks = [asyncio.create_task(session(url, ids, ready, go, counts)) for ready in readies]
    waiting = asyncio.gather(*(ready.wait() for ready in readies))
    done, _ = await asyncio.wait([waiting, *tasks], return_when=asyncio.FIRST_COMPLETED)
    if waiting not in done:  # a session failed before it was ready
        for task in done:
            task.result()
    print("ready", flush=True)
    seconds = float((await loop.run_in_executor(None, sys.stdin.readline)).split()[1])
    cpu = _cpu()
    go.set_result(time.perf_counter() + seconds)
    await asyncio.gather(*tasks)
    print(orjson.dumps({"events": counts[0], "cpu": _cpu() - cpu}).decode(), flush=True)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    args = sys.argv[1], sys.argv[2], int(sys.argv[3])
    try:
        import uvloop
    except ImportError:
        asyncio.run(main(*args))
    else:
        uvloop.run(main(*args))
