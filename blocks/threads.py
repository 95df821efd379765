"""Running listener functions: async ones on the event loop, sync ones in worker threads.

Kept apart from callbacks.py (signature checks at build time) so that `import blocks`
does not load asyncio; only the server needs this.

The worker threads are daemon threads of our own pool: a callback stuck in `time.sleep(1e9)`
cannot be stopped (Python has no way to kill a thread), but it must not keep the process
from exiting either, as the standard ThreadPoolExecutor's exit join would.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import inspect
import logging
import queue
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future
from typing import Any

from .callbacks import Callback
from .errors import BlocksError

_EXHAUSTED = object()
log = logging.getLogger("blocks")
DEFAULT_MAX_THREADS = 40  # Gradio's launch(max_threads=) default


class DaemonPool:
    """Up to `max_threads` daemon threads, started on demand and reused."""

    def __init__(self, max_threads: int = DEFAULT_MAX_THREADS):
        self.max_threads = max_threads
        self._work: queue.SimpleQueue[tuple[Future[Any] | None, Callable[[], Any]] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads = 0
        self._idle = 0

    def submit(self, fn: Callable[[], Any]) -> Future[Any]:
        """Run `fn` in a worker thread; its Future holds the result."""
        future: Future[Any] = Future()
        self._put(future, fn)
        return future

    def run(self, fn: Callable[[], None]) -> None:
        """Run `fn` in a worker thread, with no Future: it reports its own outcome."""
        self._put(None, fn)

    def _put(self, future: Future[Any] | None, fn: Callable[[], Any]) -> None:
        """Queue the work; start a thread for it if none is idle and the limit allows one."""
        with self._lock:
            start = self._idle == 0 and self._threads < self.max_threads
            self._threads += start
            self._idle -= not start and self._idle > 0
        self._work.put((future, fn))
        if start:
            threading.Thread(target=self._serve, name="blocks-callback", daemon=True).start()

    def _serve(self) -> None:
        while True:
            item = self._work.get()
            if item is None:
                return
            future, fn = item
            if future is None:
                try:
                    fn()
                except BaseException:  # noqa: BLE001 - fn reports its own errors; this is a bug of ours
                    log.exception("a worker thread's task failed")
            elif future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn())
                except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
                    future.set_exception(exc)
            with self._lock:
                self._idle += 1

    def retire(self) -> None:
        """Let every thread exit once the work already queued is done (the pool is replaced)."""
        with self._lock:
            count = self._threads
        for _ in range(count):
            self._work.put(None)



pool = DaemonPool()


def configure(max_threads: Any) -> None:
    """launch(max_threads=): how many sync callbacks may run in threads at once (in this process)."""
    global pool
    if isinstance(max_threads, bool) or not isinstance(max_threads, int) or max_threads < 1:
        raise BlocksError(f"launch(max_threads={max_threads!r}): give a whole number of threads, at least 1.")
    if max_threads != pool.max_threads:
        old, pool = pool, DaemonPool(max_threads)
        old.retire()


def in_context(fn: Callable[[], Any]) -> Callable[[], Any]:
    """`fn` to run in a copy of this context, so that gr.Warning/gr.Info in a thread find their event."""
    return functools.partial(contextvars.copy_context().run, fn)


def _submit(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
    # A copy of this context goes along, so that gr.Warning/gr.Info in the thread find their event.
    return pool.submit(functools.partial(contextvars.copy_context().run, fn, *args, **kwargs))


def in_thread(fn: Callable[..., Any], *args: Any) -> asyncio.Future[Any]:
    """Run a blocking function in a worker thread."""
    return bridge(_submit(fn, *args), None)


def bridge(future: Future[Any], on_finish: Callable[[], None] | None = None) -> asyncio.Future[Any]:
    """The thread's result as an asyncio future: asyncio.wrap_future with one wake-up of the loop.

    `on_finish` runs on the loop as soon as the function has returned, or once it is dropped
    unstarted, before the result is handed over: the next call waiting for the slot starts
    without waiting for this one's reply. Cancelling the awaiting (cancels=, time_limit,
    shutdown) drops a call not started yet, but not a running one, whose `on_finish` waits for
    it: a concurrency slot stays taken until the function really stops, so a limit of 1 means
    one call at a time, always.
    """
    loop = asyncio.get_running_loop()
    result: asyncio.Future[Any] = loop.create_future()

    def deliver(_: Future[Any]) -> None:
        if on_finish is not None:
            on_finish()
        if result.cancelled():
            return
        if future.cancelled():
            result.cancel()
        elif (error := future.exception()) is not None:
            if isinstance(error, StopIteration):  # an asyncio future refuses it, and the event would hang
                error = RuntimeError(f"the function raised StopIteration({error.value!r})")
            result.set_exception(error)
        else:
            result.set_result(future.result())

    def returned(_: Future[Any]) -> None:  # in the worker thread
        with contextlib.suppress(RuntimeError):  # the loop closed: nothing left to free
            loop.call_soon_threadsafe(deliver, future)

    def abandoned(_: asyncio.Future[Any]) -> None:
        if result.cancelled():
            future.cancel()  # False when the function runs already: it goes on, its slot stays taken

    result.add_done_callback(abandoned)
    future.add_done_callback(returned)
    return result


async def run_sync(fn: Callable[[], Any], on_finish: Callable[[], None] | None = None) -> Any:
    """A blocking function's result, from a worker thread; `on_finish` once it has returned."""
    return await bridge(_submit(fn), on_finish)


async def results(callback: Callback, args: list[Any], kwargs: dict[str, Any],
                  on_finish: Callable[[], None] | None = None) -> AsyncIterator[Any]:
    """Each value a generator function yields, as it comes; `on_finish` once it has stopped."""
    if inspect.isasyncgenfunction(callback.fn):
        try:
            async for item in callback.fn(*args, **kwargs):
                yield item
        finally:
            if on_finish is not None:
                on_finish()
        return
    generator = callback.fn(*args, **kwargs)
    finish = _Once(on_finish, generator)
    try:
        while (item := await bridge(_submit(next, generator, _EXHAUSTED), finish.hold())) is not _EXHAUSTED:
            yield item
    finally:
        finish.release()


class _Once:
    """Releases a sync generator's slot once the consumer is done with it and no step of it
    still runs in a thread (an abandoned step keeps the slot until it returns)."""

    def __init__(self, on_finish: Callable[[], None] | None, generator: Any):
        self.on_finish = on_finish
        self.generator = generator
        self.stepping = False
        self.released = False

    def hold(self) -> Callable[[], None]:
        """A step starts in a thread; the callable returned is called once it has returned."""
        self.stepping = True
        return self._step_done

    def _step_done(self) -> None:
        self.stepping = False
        if self.released:
            self._finish()

    def release(self) -> None:
        """The consumer is done (finished, failed or cancelled)."""
        self.released = True
        if not self.stepping:
            self._finish()

    def _finish(self) -> None:
        if self.on_finish is not None:
            on_finish, self.on_finish = self.on_finish, None
            _submit(self.generator.close)  # runs its finally blocks, in a thread like its steps
            on_finish()
