"""Running listener functions: async ones on the event loop, sync ones in a thread pool.

Kept apart from callbacks.py (signature checks at build time) so that `import blocks`
does not load asyncio; only the server needs this.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from .callbacks import Callback

_EXHAUSTED = object()
# 40 threads like Gradio's default, so a few blocking callbacks do not stall the others.
_pool: ThreadPoolExecutor | None = None


def in_thread(fn: Callable[..., Any], *args: Any) -> asyncio.Future[Any]:
    """Run a blocking function in the callback thread pool."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=40, thread_name_prefix="blocks-callback")
    # A copy of this context goes along, so that gr.Warning/gr.Info in the thread find their event.
    call = functools.partial(contextvars.copy_context().run, fn, *args)
    return asyncio.get_running_loop().run_in_executor(_pool, call)


async def call(callback: Callback, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """The function's result."""
    if callback.is_async:
        return await callback.fn(*args, **kwargs)
    return await in_thread(functools.partial(callback.fn, *args, **kwargs))


async def results(callback: Callback, args: list[Any], kwargs: dict[str, Any]) -> AsyncIterator[Any]:
    """Each value a generator function yields, as it comes."""
    if inspect.isasyncgenfunction(callback.fn):
        async for item in callback.fn(*args, **kwargs):
            yield item
        return
    generator = callback.fn(*args, **kwargs)
    while (item := await in_thread(next, generator, _EXHAUSTED)) is not _EXHAUSTED:
        yield item
