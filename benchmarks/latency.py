"""Echo latency of one session while other sessions keep the server busy (apps/echo_contention.py).

The client runs as its own process: `python -m benchmarks.latency URL SECONDS`. One page session
(load.py's client code) clicks Echo, one click at a time, PAUSE apart, and times each click to
its done frame, for SECONDS in each of three phases:

- idle: nothing else runs;
- state: a second page session fires the listener over the 5 MB gr.State back to back
  (deep copy in, deep comparison out, commit), its first event excluded (it builds the value);
- slow: SLOW_CALLS `POST /api/slow` calls (time.sleep(2), no concurrency limit) are in flight,
  each sent again as soon as it returns; they start staggered over the 2 s they sleep, as
  independent callers would, and the clicks are timed once all of them run.

It prints {"idle": [ms...], "state": [ms...], "slow": [ms...], "state_events": [ms...]} as JSON,
state_events being the second session's own State events.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from .load import click, component_ids, hello, open_page
from .procs import PYTHON, spawn, stop

SLOW_CALLS = 40
SLOW_SECONDS = 2.0  # what apps/echo_contention.slow sleeps
PAUSE = 0.01  # between two timed clicks: the probe itself must not load the server


def button_ids(url: str) -> dict[str, int]:
    """{button text: component id} from GET /config."""
    with urllib.request.urlopen(url + "config") as response:
        components = orjson.loads(response.read())["components"]
    return {c["props"]["value"]: int(cid) for cid, c in components.items() if c["renderer"] == "button"}


class Prober:
    """The timed session: Echo clicks, one at a time."""

    def __init__(self, ws: Any, source: str, button: int):
        self.ws, self.source, self.button, self.seq = ws, source, button, 0

    async def samples(self, seconds: float) -> list[float]:
        """Milliseconds from each click sent to its done frame, for `seconds`."""
        found: list[float] = []
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.seq += 1
            started = time.perf_counter()
            await click(self.ws, self.seq, self.button, {self.source: f"m{self.seq}"})
            found.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(PAUSE)
        return found


async def state_events(url: str, button: int, first_done: asyncio.Event, stop: asyncio.Event,
                       durations: list[float]) -> None:
    """Another page session firing the 5 MB State listener back to back until `stop`."""
    async with open_page(url) as ws:
        await hello(ws)
        seq = 0
        while not stop.is_set():
            seq += 1
            started = time.perf_counter()
            await click(ws, seq, button, {})
            if seq > 1:
                durations.append((time.perf_counter() - started) * 1000)
            first_done.set()


async def slow_calls(client: httpx.AsyncClient, delay: float) -> None:
    """One caller of POST /api/slow, sending the next call as soon as one returns."""
    await asyncio.sleep(delay)
    while True:
        (await client.post("api/slow", json={"data": ["slow"]}, timeout=60)).raise_for_status()


async def main(url: str, seconds: float) -> None:
    source, _, echo = component_ids(url)
    buttons = button_ids(url)
    result: dict[str, list[float]] = {"state_events": []}
    async with open_page(url) as ws:
        await hello(ws)
        prober = Prober(ws, source, echo)
        await prober.samples(0.5)  # warm-up
        result["idle"] = await prober.samples(seconds)

        first_done, stop = asyncio.Event(), asyncio.Event()
        heavy = asyncio.create_task(state_events(url, buttons["Collect"], first_done, stop, result["state_events"]))
        await _first(first_done.wait(), heavy)
        result["state"] = await prober.samples(seconds)
        stop.set()
        await heavy

        async with httpx.AsyncClient(base_url=url, limits=httpx.Limits(max_connections=SLOW_CALLS)) as client:
            callers = [asyncio.create_task(slow_calls(client, i * SLOW_SECONDS / SLOW_CALLS))
                       for i in range(SLOW_CALLS)]
            await _first(asyncio.sleep(SLOW_SECONDS + 0.1), *callers)
            result["slow"] = await prober.samples(seconds)
            for caller in callers:
                caller.cancel()
            await asyncio.gather(*callers, return_exceptions=True)
    print(orjson.dumps(result).decode(), flush=True)


async def _first(wait: Any, *helpers: asyncio.Task) -> None:
    """Await `wait`, unless a helper fails first (its error is raised then)."""
    waiting = asyncio.ensure_future(wait)
    done, _ = await asyncio.wait([waiting, *helpers], return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        if task is not waiting:
            task.result()
            raise RuntimeError("a load helper stopped early")


@dataclass
class Latencies:
    """Milliseconds per phase, as the client measured them."""

    idle: list[float]
    state: list[float]
    slow: list[float]
    state_events: list[float]


def measure(url: str, seconds: float) -> Latencies:
    """Run the client against the server at `url` (apps/echo_contention.py) and read its report."""
    proc = spawn([PYTHON, "-m", "benchmarks.latency", url, str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        out, _ = proc.communicate(timeout=60 + 4 * seconds)
    finally:
        stop(proc)
    if proc.returncode != 0 or not out.strip():
        raise RuntimeError(f"latency client failed (exit {proc.returncode})")
    return Latencies(**orjson.loads(out.splitlines()[-1]))


if __name__ == "__main__":
    args = sys.argv[1], float(sys.argv[2])
    try:
        import uvloop
    except ImportError:
        asyncio.run(main(*args))
    else:
        uvloop.run(main(*args))
