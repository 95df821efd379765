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
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .events import Dependency

QUEUE_FULL = "Queue is full. Please try again later."
Notify = Callable[[int, int], Any]  # (position from 1, or 0 once it runs; events waiting in the group)


class QueueFull(Exception):
    """The app's queue holds `max_size` waiting events already."""


class Ticket:
    """One event's place in the queue: whether it still waits to start, and whom to tell."""

    __slots__ = ("queue", "notify", "waiting", "dependency", "since", "told")

    def __init__(self, queue: "Queue", notify: Notify | None = None):
        self.queue = queue
        self.notify = notify
        self.waiting = True  # counted in queue.waiting until its first listener starts
        self.dependency: Dependency | None = None  # the listener running now (for cancels=)
        self.since = 0.0  # loop time it began waiting for its current group's slot
        self.told: tuple[int, int] | None = None  # the (position, size) the page was told last

    def started(self) -> None:
        """The event runs (or ended): it no longer counts against max_size."""
        if self.waiting:
            self.waiting = False
            self.queue.waiting -= 1


class Group:
    """A concurrency group: at most `limit` running calls, the others wait in FIFO order.

    A waiting page is told its position once its event has waited `report_every` seconds, then
    at most that often: a short wait (the usual one, with a limit of 1 under load) costs no
    frames, and the page shows no "queue: 1/1" that is gone before it is read.
    """

    __slots__ = ("name", "limit", "running", "waiters", "report_every", "_report")

    def __init__(self, name: str, limit: int | None, report_every: float = 0.25):
        self.name = name
        self.report_every = report_every
        self.limit = limit
        self.running = 0
        self.waiters: deque[tuple[asyncio.Future[None], Ticket]] = deque()
        self._report: asyncio.TimerHandle | None = None

    async def acquire(self, ticket: Ticket) -> None:
        """Wait for a free slot; the fast path (a slot is free) does not suspend."""
        if self.limit is None or (self.running < self.limit and not self.waiters):
            self.running += 1
            return
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        entry = (waiter, ticket)
        ticket.since, ticket.told = loop.time(), None
        self.waiters.append(entry)
        self._positions_changed()
        try:
            await waiter
            if ticket.told is not None and ticket.notify is not None:
                ticket.notify(0, len(self.waiters))  # position 0: it runs now
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self.release()  # the slot was handed over as we were cancelled: pass it on
            elif entry in self.waiters:
                self.waiters.remove(entry)
                self._positions_changed()
            raise

    def release(self) -> None:
        """A call finished: hand its slot to the first waiter still waiting."""
        while self.waiters:
            waiter, _ = self.waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)  # the slot passes on: `running` stays the same
                self._positions_changed()
                return
        self.running -= 1

    def _positions_changed(self) -> None:
        """Tell waiting pages their new positions, at most every `report_every` seconds."""
        if self._report is None and self.waiters:
            self._report = asyncio.get_running_loop().call_later(self.report_every, self._send_positions)

    def _send_positions(self) -> None:
        """Each page whose event has waited `report_every` seconds learns its position, if it
        changed; the report comes again while some wait that have not been told yet."""
        self._report = None
        due = asyncio.get_running_loop().time() - self.report_every * 0.99  # timers may fire a bit early
        size = len(self.waiters)
        untold = False
        for position, (_, ticket) in enumerate(self.waiters, 1):
            if ticket.notify is None or ticket.told == (position, size):
                continue
            if ticket.since > due:
                untold = True
                continue
            ticket.told = (position, size)
            ticket.notify(position, size)
        if untold:
            self._positions_changed()


class Queue:
    """The concurrency groups of one app, and the count of events waiting to start."""

    def __init__(self, dependencies: list["Dependency"], default: int | None = 1, max_size: int | None = None,
                 report_every: float = 0.25):
        self.max_size = max_size
        self.waiting = 0
        self.report_every = report_every
        self.groups: dict[int, Group | None] = {}
        shared: dict[str, Group] = {}
        for dep in dependencies:
            self.groups[dep.id] = self._group_of(dep, default, shared)

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
        tickets (demo.load of a new page, unload) are never refused."""
        if counted and self.max_size is not None and self.waiting >= self.max_size:
            raise QueueFull(QUEUE_FULL)
        ticket = Ticket(self, notify)
        if counted:
            self.waiting += 1
        else:
            ticket.waiting = False
        return ticket

    def group(self, dep: "Dependency") -> Group | None:
        """The concurrency group of a listener; None when it runs without a limit."""
        return self.groups.get(dep.id)
