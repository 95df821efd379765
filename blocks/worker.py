"""A session's jobs, run one at a time in arrival order by the session's own worker task.

A page event, an API call on a kept session and the session's end are jobs of one inbox: the
connection's task only queues them (it goes straight back to reading frames, so a bye or a
cancel is seen while a listener runs), and a worker task, started when a job arrives and gone
when the inbox is empty, runs them in turn.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from .errors import ProtocolError, Refused
from .queue import Ticket
from .request import Request

log = logging.getLogger("blocks")
Sender = Callable[[dict[str, Any]], Awaitable[None]]
Spawn = Callable[[Awaitable[Any]], Any]
MAX_WAITING = 100  # events one session may have waiting behind its running one


class Job:
    """One piece of a session's work, run in order: a page event, an API call, the session's end.

    `on_cancel` tells whoever waits for the job that it will not run to its end (cancels=,
    shutdown); `deps` are the listeners it starts (what cancels= matches while it waits).
    """

    __slots__ = ("run", "deps", "ticket", "on_cancel", "cancelled")

    def __init__(self, run: Callable[[], Awaitable[None]], deps: list[Any] | None = None,
                 ticket: Ticket | None = None, on_cancel: Callable[[], Awaitable[None]] | None = None):
        self.run = run
        self.deps = deps or []
        self.ticket = ticket
        self.on_cancel = on_cancel
        self.cancelled = False


class Session:
    """One page session (or one API caller) in this process."""

    __slots__ = ("id", "resume_token", "request", "send", "phase", "grace", "end_reason", "inbox", "worker",
                 "current", "socket", "route")

    def __init__(self, request: Request, page: bool):
        self.id = secrets.token_urlsafe(16)  # 128 random bits, never chosen by the client
        self.resume_token = secrets.token_urlsafe(24) if page else ""
        self.request = request.for_session(self.id, keep_connection=page)
        self.send: Sender | None = None
        self.phase = "open" if page else "api"  # open | waiting | api | ended
        self.grace: asyncio.TimerHandle | None = None
        self.end_reason: str | None = None
        self.inbox: list[Job] = []  # jobs waiting behind the running one (a list: small when empty)
        self.worker: asyncio.Task[None] | None = None  # runs the inbox, one job at a time
        self.current: Job | None = None
        self.socket: Any = None  # the page's connection, to close it when another one takes over
        self.route = ""  # the URL path of the app's page it is a session of (Blocks.route); "" the main one


def submit(session: Session, job: Job, force: bool = False) -> None:
    """Queue a job behind the session's others; ProtocolError when MAX_WAITING already wait
    (a page flooding events), unless `force` (the session's end is never refused)."""
    inbox = session.inbox
    if len(inbox) >= MAX_WAITING and not force:
        raise ProtocolError(f"{MAX_WAITING} events of this page are already waiting; wait for them to finish.")
    inbox.append(job)
    if session.worker is None:
        session.worker = asyncio.get_running_loop().create_task(_work(session))


async def _work(session: Session) -> None:
    """Run the session's jobs one at a time, in order; a cancelled job does not stop the rest."""
    try:
        while session.inbox:
            job = session.current = session.inbox.pop(0)
            try:
                await job.run()
            except asyncio.CancelledError:
                if not job.cancelled:
                    raise
                _uncancel()
                session.current = None  # a second cancels= must not hit the worker while it says so
                if job.on_cancel is not None:
                    await job.on_cancel()
            except Exception:  # noqa: BLE001 - a bug of ours must not stop the session's other jobs
                log.exception("a job of session %s failed", session.id)
            finally:
                session.current = None
                if job.ticket is not None:
                    job.ticket.started()
    finally:
        session.worker = None


async def call(session: Session, run: Callable[[], Awaitable[None]], deps: list[Any] | None = None,
               ticket: Ticket | None = None) -> None:
    """Run `run()` in the session's order and wait for it (API calls); its errors are raised here."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def job() -> None:
        try:
            await run()
        except asyncio.CancelledError:
            done.cancel()
            raise
        except Exception as exc:  # noqa: BLE001 - raised in the caller's task instead
            done.set_exception(exc)
        else:
            done.set_result(None)

    async def cancelled() -> None:
        if not done.done():
            done.set_exception(Refused("The call was stopped before it finished (cancelled, or the server is "
                                       "shutting down); try again.", 503, 1012))

    submit(session, Job(job, deps, ticket, cancelled))
    await done


def cancel(session: Session, dependency_ids: set[int], spawn: Spawn) -> int:
    """cancels=: drop the session's waiting events of these listeners and stop the running one.
    Returns how many events were stopped."""
    stopped = 0
    if session.inbox:
        kept: list[Job] = []
        for job in session.inbox:
            if job.deps and all(d.id in dependency_ids for d in job.deps):
                drop_job(job, spawn)
                stopped += 1
            else:
                kept.append(job)
        session.inbox = kept
    current = session.current
    running = current.ticket.dependency if current is not None and current.ticket is not None else None
    if running is not None and running.id in dependency_ids and session.worker is not None:
        current.cancelled = True  # type: ignore[union-attr]
        session.worker.cancel()
        stopped += 1
    return stopped


def drop_job(job: Job, spawn: Spawn) -> None:
    """A job that will not run: free its place in the queue, tell whoever waits for it."""
    job.cancelled = True
    if job.ticket is not None:
        job.ticket.started()
    if job.on_cancel is not None:
        spawn(job.on_cancel())


def _uncancel() -> None:
    """A cancelled job was caught by its session's worker, which goes on (Python 3.11+ counts
    cancellations; without this a later asyncio.timeout in the same task would misfire)."""
    task = asyncio.current_task()
    if task is not None and hasattr(task, "uncancel"):
        task.uncancel()


