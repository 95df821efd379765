"""Gradio's queue: each listener runs at most `concurrency_limit` at a time across all sessions.

A listener belongs to a concurrency group (its own, or a shared `concurrency_id`); a group
runs at most `limit` calls at once (None: no limit) and the rest wait in arrival order.
Because a session runs one event at a time (session.py), a session has at most one event
waiting in any group, so waiting events of different sessions interleave fairly.

`max_size` bounds the events accepted but not yet started, across the app: beyond it new
events are refused with Gradio's "Queue is full" error, so waiting never grows unbounded.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import threads

if TYPE_CHECKING:
    from .events import Dependency

QUEUE_FULL = "Queue is full. Please try again later."
# (position from 1, or 0 once it runs; events waiting in the group; seconds until its result, estimated
# from the group's recent run times, None before any finished)
Notify = Callable[[int, int, "float | None"], Any]
RECENT_RUNS = 20  # the estimate averages the group's last runs, as Gradio averages its listeners' times


class QueueFull(Exception):
    """The app's queue holds `max_size` waiting events already."""


class Ticket:
    """One event's place in the queue: whether it still waits to start, and whom to tell."""

    __slots__ = ("queue", "notify", "waiting", "dependency", "since", "told", "began")

    def __init__(self, queue: "Queue", notify: Notify | None = None):
        self.queue = queue
        self.notify = notify
        self.waiting = True  # counted in queue.waiting until its first listener starts
        self.dependency: Dependency | None = None  # the listener running now (for cancels=)
        self.since = 0.0  # loop time it began waiting for its current group's slot
        self.told: tuple[int, int] | None = None  # the (position, size) the page was told last
        self.began: float | None = None  # monotonic time its current listener got its slot

    def started(self) -> None:
        """The event runs (or ended): it no longer counts against max_size."""
        if self.waiting:
            self.waiting = False
            self.queue.waiting -= 1


class _Waiter:
    """A call waiting for a slot: a coroutine on the loop (`wake`), or a sync function (`call`)
    that the thread freeing a slot runs itself, with no round trip through the event loop; its
    result goes to `result`, an asyncio future, in one call_soon_threadsafe."""

    __slots__ = ("ticket", "wake", "call", "result")

    def __init__(self, ticket: Ticket, wake: asyncio.Future[None] | None = None,
                 call: Callable[[], Any] | None = None, result: asyncio.Future[Any] | None = None):
        self.ticket = ticket
        self.wake = wake
        self.call = call
        self.result = result

    def gone(self) -> bool:
        """Cancelled while it waited (cancels=, time_limit, shutdown)."""
        return (self.wake if self.wake is not None else self.result).done()  # type: ignore[union-attr]

    def run(self, loop: asyncio.AbstractEventLoop) -> None:
        """In a worker thread: the call, unless it was cancelled; its outcome to the loop."""
        if self.result.done():  # type: ignore[union-attr]
            return
        try:
            outcome, failed = self.call(), False  # type: ignore[misc]
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
            outcome, failed = exc, True
        with contextlib.suppress(RuntimeError):  # the loop closed: no one waits any more
            loop.call_soon_threadsafe(_settle, self.result, outcome, failed)  # type: ignore[arg-type]


def _settle(result: asyncio.Future[Any], outcome: Any, failed: bool) -> None:
    if result.done():  # cancelled while the call ran: its outcome is dropped
        return
    if not failed:
        result.set_result(outcome)
    elif isinstance(outcome, StopIteration):  # an asyncio future refuses it, and the event would hang
        result.set_exception(RuntimeError(f"the function raised StopIteration({outcome.value!r})"))
    else:
        result.set_exception(outcome)


class Group:
    """A concurrency group: at most `limit` running calls, the others wait in FIFO order.

    Async and generator listeners wait on the loop (`acquire`/`release`); plain sync listeners
    are handed over whole (`run_sync`): a worker thread that finishes one call takes the next
    waiting one itself, so a limit of 1 under load costs no extra trips through the loop. The
    state is shared with those threads, under a lock.

    A waiting page is told its position once its event has waited `report_every` seconds, then
    at most that often: a short wait (the usual one, with a limit of 1 under load) costs no
    frames, and the page shows no "queue: 1/1" that is gone before it is read.
    """

    __slots__ = ("name", "limit", "running", "waiters", "report_every", "_report", "_lock", "_loop", "runs",
                 "active", "__weakref__")

    def __init__(self, name: str, limit: int | None, report_every: float = 0.25):
        self.name = name
        self.report_every = report_every
        self.limit = limit
        self.running = 0
        self.waiters: deque[_Waiter] = deque()
        self._report: asyncio.TimerHandle | None = None
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.runs: deque[float] = deque(maxlen=RECENT_RUNS)  # seconds each of the last runs took
        self.active: set[Ticket] = set()  # the running calls' tickets (their `began`)

    def _take_slot(self, ticket: Ticket) -> bool:
        """Under the lock: a free slot, taken, when nobody waits for one."""
        if self.limit is None or (self.running < self.limit and not self.waiters):
            self.running += 1
            self._began(ticket)
            return True
        return False

    def _began(self, ticket: Ticket) -> None:
        ticket.began = time.monotonic()
        self.active.add(ticket)

    def finished(self, ticket: Ticket) -> None:
        """A listener's run ended: its duration joins the estimate."""
        with self._lock:
            if ticket.began is not None:
                self.runs.append(time.monotonic() - ticket.began)
            ticket.began = None
            self.active.discard(ticket)

    def average(self) -> float | None:
        """Seconds a run of this group takes, on average over its last runs (None before any)."""
        runs = tuple(self.runs)  # one atomic copy: worker threads read it too
        return sum(runs) / len(runs) if runs else None

    def _etas(self, count: int) -> list[float | None]:
        """Under the lock: seconds until the result of the first `count` waiters, as Gradio
        estimates it: a run, plus the runs ahead shared among the slots, plus the time until
        a running call is expected to free its slot."""
        average = self.average()
        if average is None:
            return [None] * count
        now, limit = time.monotonic(), self.limit or 1
        ends = [t.began + average for t in self.active if t.began is not None]
        free_in = max(min(ends) - now, 0.0) if ends and self.running >= limit else 0.0
        return [average + free_in + rank * average / limit for rank in range(count)]

    def _wait(self, waiter: _Waiter) -> None:
        """Under the lock: queue `waiter`; its page learns its place if it waits long."""
        loop = self._loop = asyncio.get_running_loop()
        waiter.ticket.since, waiter.ticket.told = loop.time(), None
        self.waiters.append(waiter)

    def try_acquire(self, ticket: Ticket) -> bool:
        """Take a free slot now, if there is one and nobody waits for it."""
        with self._lock:
            taken = self._take_slot(ticket)
        if taken:
            _begun(ticket, 0, self.average())
        return taken

    async def acquire(self, ticket: Ticket) -> None:
        """Wait for a free slot (async and generator listeners); the fast path does not suspend."""
        with self._lock:
            fast = self._take_slot(ticket)
            if not fast:
                waiter = _Waiter(ticket, wake=asyncio.get_running_loop().create_future())
                self._wait(waiter)
        if fast:
            _begun(ticket, 0, self.average())
            return
        self._positions_changed()
        try:
            await waiter.wake  # type: ignore[misc]
            _begun(ticket, len(self.waiters), self.average())
        except BaseException:
            if waiter.wake.done() and not waiter.wake.cancelled():  # type: ignore[union-attr]
                self.release()  # the slot was handed over as we were cancelled: pass it on
            else:
                with self._lock:
                    if waiter in self.waiters:
                        self.waiters.remove(waiter)
            raise

    def run_sync(self, call: Callable[[], Any], ticket: Ticket) -> asyncio.Future[Any]:
        """Run a blocking `call` in a worker thread once a slot is free; the future holds its result.
        The slot is freed when the call returns, not when its result is read; cancelling the
        future drops a call not started yet (a running one goes on, holding its slot)."""
        loop = self._loop = asyncio.get_running_loop()
        waiter = _Waiter(ticket, call=call, result=loop.create_future())
        with self._lock:
            start = self._take_slot(ticket)
            if not start:
                self._wait(waiter)
        if start:
            _begun(ticket, 0, self.average())
            threads.pool.run(functools.partial(self._drain, waiter, loop))
        else:
            self._positions_changed()
        return waiter.result  # type: ignore[return-value]

    def _drain(self, waiter: _Waiter | None, loop: asyncio.AbstractEventLoop) -> None:
        """In a worker thread: run `waiter`'s call, then the next waiting sync call, and so on."""
        while waiter is not None:
            waiter.run(loop)
            waiter = self._next(in_thread=True)

    def release(self) -> None:
        """On the loop: a call finished; its slot passes to the first waiter still waiting."""
        waiter = self._next(in_thread=False)
        if waiter is not None:
            threads.pool.run(functools.partial(self._drain, waiter, self._loop))  # type: ignore[arg-type]

    def _next(self, in_thread: bool) -> _Waiter | None:
        """The slot passes on: a sync call to run now (returned), or a waiting coroutine woken on
        the loop; with no one waiting it is freed."""
        with self._lock:
            while self.waiters:
                waiter = self.waiters.popleft()
                if waiter.gone():
                    continue
                self._began(waiter.ticket)
                if waiter.wake is not None:
                    if in_thread:
                        self._loop.call_soon_threadsafe(self._hand_over, waiter)  # type: ignore[union-attr]
                    else:
                        waiter.wake.set_result(None)
                    return None
                eta = self.average()
                if in_thread:
                    if waiter.ticket.waiting or waiter.ticket.told is not None or (
                            eta is not None and eta >= self.report_every):
                        self._loop.call_soon_threadsafe(_begun, waiter.ticket, 0, eta)  # type: ignore[union-attr]
                else:
                    _begun(waiter.ticket, 0, eta)
                return waiter
            self.running -= 1
            return None

    def _hand_over(self, waiter: _Waiter) -> None:
        """On the loop, from a thread: wake a waiting coroutine, or pass the slot on if it left."""
        if waiter.wake.done():  # type: ignore[union-attr]
            self.release()
        else:
            waiter.wake.set_result(None)  # type: ignore[union-attr]

    def _positions_changed(self) -> None:
        """Tell waiting pages their new positions, at most every `report_every` seconds."""
        if self._report is None and self.waiters:
            self._report = asyncio.get_running_loop().call_later(self.report_every, self._send_positions)

    def _send_positions(self) -> None:
        """Each page whose event has waited `report_every` seconds learns its position, if it
        changed; the report comes again while some wait that have not been told yet."""
        self._report = None
        due = asyncio.get_running_loop().time() - self.report_every * 0.99  # timers may fire a bit early
        with self._lock:
            waiting = [w.ticket for w in self.waiters if not w.gone()]
            etas = self._etas(len(waiting))
        untold = False
        for position, (ticket, eta) in enumerate(zip(waiting, etas), 1):
            if ticket.notify is None or ticket.told == (position, len(waiting)):
                continue
            if ticket.since > due:
                untold = True
                continue
            ticket.told = (position, len(waiting))
            ticket.notify(position, len(waiting), eta)
        if untold or waiting:
            self._positions_changed()


def _begun(ticket: Ticket, size: int, eta: float | None = None) -> None:
    """On the loop: the event got its slot. A page shown a position learns it runs (position 0),
    as does one whose run is expected to take a while (`eta`, seconds): it shows elapsed/expected."""
    ticket.started()
    slow = eta is not None and eta >= ticket.queue.report_every
    if (ticket.told is not None or slow) and ticket.notify is not None:
        ticket.notify(0, size, eta)
        ticket.told = None


class Queue:
    """The concurrency groups of one app, and the count of events waiting to start."""

    def __init__(self, dependencies: list["Dependency"], default: int | None = 1, max_size: int | None = None,
                 report_every: float = 0.25):
        self.max_size = max_size
        self.waiting = 0
        self.report_every = report_every
        self.default = default
        self.groups: dict[int, Group | None] = {}
        self.shared: dict[str, Group] = {}
        # Rendered listeners without a concurrency_id share a group per function, as in Gradio
        # (one defined inside the render function is a new function, so a group, each run).
        self.by_function: weakref.WeakValueDictionary[Any, Group] = weakref.WeakValueDictionary()
        for dep in dependencies:
            self.groups[dep.id] = self._group_of(dep, default, self.shared)

    def adopt(self, dep: "Dependency") -> None:
        """A listener a gr.render run built joins its group (a shared concurrency_id's across sessions)."""
        if dep.concurrency_id is not None or dep.callback is None or dep.queue is False:
            self.groups[dep.id] = self._group_of(dep, self.default, self.shared)
            return
        group = self.by_function.get(dep.callback.fn)
        limit = self.default if dep.concurrency_limit == "default" else dep.concurrency_limit
        if group is None or group.limit != limit:
            group = self._group_of(dep, self.default, self.shared)
            self.by_function[dep.callback.fn] = group  # type: ignore[assignment]
        self.groups[dep.id] = group

    def drop(self, dep: "Dependency") -> None:
        """A rendered listener's run was replaced: it no longer takes a group."""
        self.groups.pop(dep.id, None)

    def _group_of(self, dep: "Dependency", default: int | None, shared: dict[str, Group]) -> Group | None:
        """None for listeners that bypass the queue: no function, queue=False, or demo.unload
        (a session's end must not wait behind other sessions' events)."""
        if dep.callback is None or dep.queue is False or any(t.event == "unload" for t in dep.triggers):
            return None
        limit = default if dep.concurrency_limit == "default" else dep.concurrency_limit
        if dep.concurrency_id is None:
            return Group(f"{dep.where} -> {dep.callback.name}", limit, self.report_every)
        group = shared.get(dep.concurrency_id)
        if group is None:
            group = shared[dep.concurrency_id] = Group(dep.concurrency_id, limit, self.report_every)
        elif limit is not None and (group.limit is None or limit < group.limit):
            group.limit = limit  # Gradio: a shared group takes the lowest limit set
        return group

    def ticket(self, notify: Notify | None = None, counted: bool = True) -> Ticket:
        """Admit one event, or raise QueueFull when max_size events already wait. Uncounted
        tickets (demo.load of a new page, unload) are never refused. Without a max_size no
        event is counted: nothing would read the count, and a worker thread handing a slot on
        then needs no trip to the loop to say that the event started."""
        ticket = Ticket(self, notify)
        if counted and self.max_size is not None:
            if self.waiting >= self.max_size:
                raise QueueFull(QUEUE_FULL)
            self.waiting += 1
        else:
            ticket.waiting = False
        return ticket

    def group(self, dep: "Dependency") -> Group | None:
        """The concurrency group of a listener; None when it runs without a limit."""
        return self.groups.get(dep.id)
