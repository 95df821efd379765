"""Running a coroutine from a sync test."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any


def run(coro: Any) -> Any:
    """The coroutine's result, in a thread of its own: the browser tests (Playwright's sync API) may leave
    an event loop running in this one, and asyncio.run() refuses to start in it."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()
