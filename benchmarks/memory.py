"""Server memory per page session holding 10 KB of gr.State, sockets open and after `bye`."""

from __future__ import annotations

import asyncio
import urllib.request
from dataclasses import dataclass

import orjson
from websockets.asyncio.client import ClientConnection, connect

from .procs import NO_CLIENT_LIMITS, Server  # every session here comes from one address

STATE_BYTES = 10_240  # os.urandom(5120).hex()
WARMUP = 30


@dataclass
class Memory:
    sessions: int
    open_per_session: float  # bytes of RSS per session, sockets open
    closed_per_session: float  # after each page said bye (state kept for the TTL)
    baseline_rss: int


async def _recv_until_done(ws: ClientConnection, seq: int) -> None:
    while True:
        message = orjson.loads(await ws.recv())
        if message["type"] == "update" and message["seq"] == seq and message["done"]:
            return
        if message["type"] == "error":
            raise RuntimeError(f"server answered {message}")


async def _open_page(url: str, button: int, limit: asyncio.Semaphore) -> ClientConnection:
    """A page session: hello, page load, one click (the listener reads the State)."""
    async with limit:
        ws = await connect(url.replace("http", "ws", 1) + "ws", max_size=None)  # offers deflate, like a browser
        await ws.send(orjson.dumps({"type": "hello", "resume": None, "browser_state": {}}).decode())
        await _recv_until_done(ws, 0)
        await ws.send(orjson.dumps({"type": "event", "seq": 1, "target": button, "event": "click",
                                    "values": {}}).decode())
        await _recv_until_done(ws, 1)
        return ws


async def _bye(ws: ClientConnection) -> None:
    await ws.send('{"type": "bye"}')
    await ws.wait_closed()  # the server closes the socket once the session has ended


async def _open_many(url: str, button: int, n: int) -> list[ClientConnection]:
    limit = asyncio.Semaphore(50)
    return list(await asyncio.gather(*(_open_page(url, button, limit) for _ in range(n))))


def measure(sessions: int = 300, app: str = "session_state") -> Memory:
    with Server(app, {"BLOCKS_STATE_TTL": "100000", "BLOCKS_RECONNECT_GRACE": "100000", **NO_CLIENT_LIMITS}) as server:
        server.wait_ready()
        with urllib.request.urlopen(server.url + "config") as response:
            components = orjson.loads(response.read())["components"]
        button = int(next(cid for cid, c in components.items() if c["renderer"] == "button"))

        async def scenario() -> tuple[int, int, int]:
            warm = await _open_many(server.url, button, WARMUP)  # code paths, allocator arenas
            await asyncio.gather(*(_bye(ws) for ws in warm))
            await asyncio.to_thread(server.collect_garbage)
            before = server.rss()
            pages = await _open_many(server.url, button, sessions)
            await asyncio.to_thread(server.collect_garbage)
            opened = server.rss()
            await asyncio.gather(*(_bye(ws) for ws in pages))
            await asyncio.to_thread(server.collect_garbage)
            return before, opened, server.rss()

        before, opened, closed = asyncio.run(scenario())
    return Memory(sessions, (opened - before) / sessions, (closed - before) / sessions, before)


def measure_kept(sessions: int = 2000, app: str = "session_state") -> float:
    """RSS per session held in the store with no connection (API sessions kept for the TTL).

    A fresh server, so that the reading is not the allocator's high-water mark of sockets
    opened and closed before: this is what every session costs for as long as it is kept.
    """
    import httpx  # noqa: PLC0415 - only this measurement needs it

    with Server(app, {"BLOCKS_STATE_TTL": "100000", **NO_CLIENT_LIMITS}) as server:
        server.wait_ready()
        body = {"data": [], "keep_session": True}
        with httpx.Client() as client:
            for _ in range(WARMUP):
                client.post(server.url + "api/lambda", json=body).raise_for_status()
            server.collect_garbage()
            before = server.rss()
            for _ in range(sessions):
                client.post(server.url + "api/lambda", json=body).raise_for_status()
            server.collect_garbage()
            return (server.rss() - before) / sessions
