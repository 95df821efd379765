"""Sessions: server-issued ids, resume after a blip, events in order (worker.py), unload exactly once,
expiry, shutdown within a deadline."""

from __future__ import annotations

import asyncio
import logging
import math
import os
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from . import deep_link, worker
from .dispatch import Dispatcher, OnStep, Step
from .errors import Refused
from .files import cache as file_cache
from .queue import Queue, Ticket
from .render_tables import check_owner, forget
from .request import EventData, Request
from .sealing import SealError
from .state import BrowserState
from .threads import in_thread
from .worker import MAX_WAITING, Job, Session

__all__ = ["MAX_WAITING", "Job", "Session", "Sessions"]

if TYPE_CHECKING:
    from .sealing import Sealer
    from .store import SessionStore
    from .tree import Tree

log = logging.getLogger("blocks")


def reconnect_grace() -> float:
    """Seconds a page may be disconnected and still resume its session (BLOCKS_RECONNECT_GRACE)."""
    return float(os.environ.get("BLOCKS_RECONNECT_GRACE", "10"))


DEFAULT_CAPACITY = 10_000  # state_session_capacity, Gradio's default
CLOSE_TRY_LATER = 1013  # WebSocket close code: the server cannot take the session now


class Sessions:
    """All sessions of one app in this process; their values live in the store."""

    def __init__(self, blocks: "Tree", store: "SessionStore", sealers: dict[int, "Sealer"],
                 show_error: bool = False, capacity: int | None = None):
        self.blocks = blocks
        self.store = store
        self.sealers = sealers
        self.capacity = capacity  # state_session_capacity: sessions the store may hold
        self.admit: Callable[[Request], None] | None = None  # the server's per-client limits (raises Refused)
        self._evicting: set[str] = set()
        self._starting = 0
        self._full_logged = -math.inf
        self.queue = Queue(blocks.dependencies, blocks.default_concurrency_limit, blocks.max_queue_size,
                           blocks.status_update_rate)
        self.dispatcher = Dispatcher(blocks, store, sealers, self.queue, show_error)
        self.by_id: dict[str, Session] = {}
        self.by_token: dict[str, Session] = {}
        self.grace = reconnect_grace()
        self._tasks: set[asyncio.Task[Any]] = set()
        self.closing = False  # the server is shutting down: no new sessions
        components = blocks.components()
        self._static = {c.id: c.initial_value() for c in components
                        if not c.server_only and not c.value_is_per_session}
        self._per_session = [c for c in components if c.server_only or c.value_is_per_session]
        self._server_only = {c.id for c in components if c.server_only}

    # -- starting -----------------------------------------------------------
    async def start(self, request: Request, browser_blobs: dict[str, Any] | None, page: bool = True,
                    kept: bool = True, link: Any = None) -> tuple[Session, dict[str, dict[str, Any]],
                                                                  list[dict[str, Any]]]:
        """A new session: its initial values, the patches the page needs, and notices for it
        (warning and error messages). With `link` (a page's ?deep_link= id) it starts with that
        snapshot's values instead. Refused when a limit is reached: the client's sessions per
        minute (pages and kept API sessions, not one-call ones) or the capacity."""
        if self.admit is not None and (page or kept):
            self.admit(request)
        self._starting += 1  # counted by _make_room until it is in the store
        try:
            await self._make_room()
            return await self._create(request, browser_blobs, page, link)
        finally:
            self._starting -= 1

    async def _create(self, request: Request, browser_blobs: dict[str, Any] | None, page: bool,
                      link: Any = None) -> tuple[Session, dict[str, dict[str, Any]], list[dict[str, Any]]]:
        session = Session(request, page)
        values: dict[Any, Any] = dict(self._static)
        patches: dict[str, dict[str, Any]] = {}
        notices: list[dict[str, Any]] = []
        blobs = browser_blobs if isinstance(browser_blobs, dict) else {}
        for comp in self._per_session:
            if isinstance(comp, BrowserState) and blobs.get(str(comp.id)) is not None:
                try:
                    values[comp.id] = self.sealers[comp.id].open(blobs[str(comp.id)])  # type: ignore[index]
                    continue
                except SealError as exc:
                    notices.append({"type": "warning", "message": f"{comp.describe()}: ignored the stored value "
                                                                  f"({exc}); using the default."})
            values[comp.id] = await self._initial_value(comp, notices)
            if not comp.server_only:
                patches[str(comp.id)] = {"value": values[comp.id]}
        if link is not None:
            await self._open_link(link, values, patches, notices)
        await self.store.create(session.id, values)
        self.by_id[session.id] = session
        if page:
            self.by_token[session.resume_token] = session
        else:
            await self.store.release(session.id, time.time())
        return session, patches, notices

    async def _make_room(self) -> None:
        """state_session_capacity: before a new session is stored, drop the longest-released ones
        (ended pages kept for the TTL, kept API sessions between calls) so that it fits; their
        demo.unload / delete_callback run. Open pages are never dropped: when they (and calls
        running) fill the capacity, the new session is refused."""
        if self.capacity is None:
            return
        excess = await self.store.count() + self._starting - len(self._evicting) - self.capacity
        if excess <= 0:
            return
        released = await self.store.oldest_released(excess + len(self._evicting))
        dropping = [sid for sid in released if sid not in self._evicting][:excess]
        if len(dropping) < excess:
            self._log_full()
            raise Refused(f"The server is full (state_session_capacity={self.capacity}, all in use); try again "
                          f"later.", 503, CLOSE_TRY_LATER, retry_after=60)
        self._evicting.update(dropping)
        try:
            await asyncio.gather(*(self.drop(sid) for sid in dropping))
        finally:
            self._evicting.difference_update(dropping)

    def _log_full(self) -> None:
        """Say so in the log when sessions are refused for lack of room, at most once a minute."""
        now = time.monotonic()
        if now - self._full_logged >= 60:
            self._full_logged = now
            log.warning("state_session_capacity=%d reached: every session is an open page or a running call, "
                        "so new sessions are refused (HTTP 503, WebSocket close %d). Raise "
                        "launch(state_session_capacity=...) if the memory allows.", self.capacity, CLOSE_TRY_LATER)

    async def _initial_value(self, comp: Any, notices: list[dict[str, Any]]) -> Any:
        """A per-session starting value; a callable runs in a worker thread, and if it fails the
        session starts with an empty value and the page is told."""
        if not callable(comp.value):
            return comp.initial_value()
        try:
            return await in_thread(comp.initial_value)
        except Exception as exc:  # noqa: BLE001 - app code: report it, keep the session usable
            log.error("the value function of %s failed", comp.describe(), exc_info=exc)
            notices.append({"type": "error", "seq": 0, "title": "Error", "duration": None,
                            "message": f"The starting value of {comp.describe()} could not be computed "
                                       f"({type(exc).__name__}); the server log has the details."})
            return None if comp.server_only else comp.postprocess(None)

    async def _open_link(self, link: Any, values: dict[Any, Any], patches: dict[str, dict[str, Any]],
                         notices: list[dict[str, Any]]) -> None:
        """A deep link's snapshot over a new session's values; an unknown or expired one is a notice."""
        data = await self.store.load_link(link, time.time()) if deep_link.valid_id(link) else None
        if data is None:
            notices.append({"type": "toast", "level": "warning", "title": "Link not found", "duration": None,
                            "message": "This page's shared link is unknown or has expired, so the app opens as "
                                       "usual. Ask for a new link."})
            return
        shown, shown_patches = deep_link.restore(self.blocks, data)
        values.update(shown)
        for cid, patch in shown_patches.items():
            patches.setdefault(cid, {}).update(patch)

    async def share(self, session: Session, client_values: Any = None) -> str:
        """gr.DeepLinkButton: keep what the session's page shows (its values, with those the user
        changed since the last event, `client_values`, checked as an event's are but not committed)
        as a deep link; returns its id. LinkError or ProtocolError say why not."""
        values = await self.store.load(session.id) or {}
        if client_values:
            values = {**values, **self.dispatcher.check_client_values(values, client_values, session.route)}
        data = deep_link.snapshot(self.blocks, values)
        link = deep_link.link_id()
        await self.store.save_link(link, data, time.time() + deep_link.deep_link_ttl())
        return link

    def resume(self, token: Any, route: str = "") -> Session | None:
        """The session a reconnecting page (of the app's page `route`) held, if it has not ended. Its
        token rotates: the one just used is dead, so a copied token works at most once."""
        session = self.by_token.get(token) if isinstance(token, str) else None
        if session is None or session.end_reason is not None or session.route != route:
            return None
        if session.grace is not None:
            session.grace.cancel()
            session.grace = None
        del self.by_token[token]
        session.resume_token = secrets.token_urlsafe(24)
        self.by_token[session.resume_token] = session
        session.phase = "open"
        return session

    async def page_values(self, session: Session) -> dict[str, dict[str, Any]]:
        """Every visible component's current value and prop updates, to resync a resumed page."""
        values = await self.store.load(session.id) or {}
        patches: dict[str, dict[str, Any]] = {}
        for key, value in values.items():
            if not self.dispatcher.on_route(key[1] if isinstance(key, tuple) else key, session.route):
                continue  # another page's (Blocks.route): not on this one
            if isinstance(key, tuple):
                patches.setdefault(str(key[1]), {}).update(value)
            elif key not in self._server_only:
                patches.setdefault(str(key), {})["value"] = value
        return patches

    def api_session(self, session_hash: Any) -> Session | None:
        """A kept API session named by its caller. Ids are server-issued, and a page's session is
        not reachable this way: app code shows and logs session_hash, so it is no password."""
        session = self.by_id.get(session_hash) if isinstance(session_hash, str) else None
        return session if session is not None and session.phase == "api" else None

    # -- running ------------------------------------------------------------
    def submit(self, session: Session, job: Job, force: bool = False) -> None:
        """Queue a job behind the session's others (worker.submit)."""
        worker.submit(session, job, force)

    async def call(self, session: Session, run: Callable[[], Awaitable[None]], deps: list[Any] | None = None,
                   ticket: Ticket | None = None) -> None:
        """Run `run()` in the session's order and wait for it (worker.call)."""
        await worker.call(session, run, deps, ticket)

    async def execute(self, session: Session, trigger: tuple[int, str] | None, on_step: OnStep,
                      client_values: Any = None, start: list[Any] | None = None, api_data: list[Any] | None = None,
                      request: Request | None = None, ticket: Ticket | None = None,
                      event_data: dict[str, Any] | None = None, js_inputs: Any = None) -> None:
        """Run an event now, from within the session's job; `on_step` gets each listener's Step.

        The values a page or an API caller sent are checked and committed first, so that the
        listener and everything it triggers see them. `request` is this call's request when it
        is not the session's own (the HTTP API).
        """
        if session.phase == "ended":
            return
        if trigger is not None:  # an event from the page
            values = await self.store.load(session.id) or {}
            check_owner(self.dispatcher, session.id, trigger[0], client_values)
            self.dispatcher.check_trigger(values, *trigger, session.id, session.route)
        deps = start if start is not None else self.dispatcher.listeners(trigger[0], trigger[1], session.id)  # type: ignore[index]
        replaced = self.dispatcher.check_js_inputs(deps, js_inputs) if js_inputs is not None else None
        if trigger is not None and client_values:
            await self.store.commit(session.id, self.dispatcher.check_client_values(values, client_values,
                                                                                    session.route))
        if api_data is not None:
            await self.store.commit(session.id, self.dispatcher.check_api_values(deps[0], api_data))
        event = EventData(self.blocks.blocks_by_id.get(trigger[0]), trigger[1], event_data) if trigger else None
        request = request.for_session(session.id) if request else session.request
        await self.dispatcher.run(session.id, deps, request, on_step, event, ticket, replaced)

    def cancel(self, session: Session, dependency_ids: set[int]) -> int:
        """cancels=: stop the session's events of these listeners (worker.cancel)."""
        return worker.cancel(session, dependency_ids, self.spawn)

    def spawn(self, coro: Awaitable[Any]) -> asyncio.Future[Any]:
        """Run a coroutine in the background, keeping a reference until it finishes."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # -- ending -------------------------------------------------------------
    def disconnected(self, session: Session) -> None:
        """The page's connection dropped: end the session unless it comes back in time."""
        if session.phase != "open" or session.end_reason is not None:
            return
        session.phase = "waiting"
        session.send = None
        session.socket = None
        loop = asyncio.get_running_loop()
        session.grace = loop.call_later(self.grace, self._grace_over, session)

    def _grace_over(self, session: Session) -> None:
        # Claimed here, synchronously, so that a resume cannot slip in before the end runs.
        self.end_soon(session, "disconnected")

    def claim_end(self, session: Session, reason: str) -> bool:
        """Mark a page session as ending, once; True for the caller that should finish it."""
        if session.end_reason is not None or session.phase == "api":
            return False
        session.end_reason = reason
        if session.grace is not None:
            session.grace.cancel()
        self.by_token.pop(session.resume_token, None)
        return True

    def end_soon(self, session: Session, reason: str) -> asyncio.Future[None] | None:
        """End a page session once, after the events it already sent (demo.unload runs, its state is
        kept for the TTL). Does not wait: returns a future done once it has ended, or None if the
        session was already ending."""
        if not self.claim_end(session, reason):
            return None
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        async def finish() -> None:
            try:
                await self._finish(session)
            finally:
                if not done.done():
                    done.set_result(None)

        self.submit(session, Job(finish), force=True)
        return done

    async def end(self, session: Session, reason: str) -> None:
        """End a page session once and wait until it has ended."""
        done = self.end_soon(session, reason)
        if done is not None:
            await done

    async def _finish(self, session: Session) -> None:
        session.phase = "ended"
        await self._unload(session)
        forget(self.dispatcher, session.id)
        send, session.send = session.send, None
        if send is not None:  # a page still connected (server shutdown): tell it
            await send({"type": "expired", "message": f"This session has ended ({session.end_reason}). "
                                                      f"Reload the page to start again."})
        log.debug("session %s ended: %s", session.id, session.end_reason)
        await self.store.release(session.id, time.time())
        self.by_id.pop(session.id, None)

    async def _unload(self, session: Session) -> None:
        async def report(step: Step) -> None:
            if step.error:
                log.error("demo.unload listener failed for session %s: %s", session.id, step.error["message"])

        unload = self.dispatcher.listeners(self.blocks.id, "unload")  # type: ignore[arg-type]
        await self.dispatcher.run(session.id, unload, session.request, report)

    async def sweep(self, now: float | None = None) -> int:
        """Drop sessions released more than the TTL ago, running State delete callbacks."""
        cutoff = (now if now is not None else time.time()) - self.blocks.state_ttl
        expired = await self.store.expired(cutoff)
        for session_id in expired:
            await self.drop(session_id)
        return len(expired)

    async def drop(self, session_id: str) -> None:
        """Forget a session now: an API session's demo.unload runs (it ends here, after its calls),
        its values go, and State delete callbacks run."""
        session = self.by_id.pop(session_id, None)
        if session is not None and session.phase == "api":
            session.phase = "ending"

            async def end_api() -> None:
                session.phase = "ended"
                await self._unload(session)

            await self.call(session, end_api)
        values = await self.store.delete(session_id)
        forget(self.dispatcher, session_id)
        await in_thread(file_cache.remove_session, session_id)  # its uploads go with its state
        for comp in self._per_session:
            callback = getattr(comp, "delete_callback", None)
            if callback is not None and values is not None and comp.id in values:
                try:
                    await in_thread(callback, values[comp.id])
                except Exception:  # noqa: BLE001 - one bad callback must not stop the sweep
                    log.exception("delete_callback of %s failed", comp.describe())

    # -- shutdown -----------------------------------------------------------
    async def shutdown(self, deadline: float = 10.0) -> None:
        """Server stopping: every session ends once (unload runs, then State delete callbacks).

        Events waiting to start are dropped; running ones get half the deadline to finish, then
        they are stopped; whatever still runs when `deadline` seconds are over is cut off, and
        the log names it.
        """
        loop = asyncio.get_running_loop()
        stop_at = loop.time() + deadline
        self.closing = True  # a page whose hello comes now gets no new session
        for session in list(self.by_id.values()):
            self._drop_waiting(session)
            self.end_soon(session, "shutdown")
        if not await self._settle(loop.time() + deadline / 2):
            for session in self._busy():
                if session.current is not None and session.current.ticket is not None:
                    session.current.cancelled = True  # an event still running: stop it, unload goes on
                    session.worker.cancel()  # type: ignore[union-attr]
        if not await self._settle(stop_at):
            self._cut_off(deadline)
        ids = dict.fromkeys([*self.by_id, *await self.store.expired(float("inf"))])  # each once: no unload
        drops = [asyncio.ensure_future(self.drop(sid)) for sid in ids]  # of a session whose values a twin dropped
        if drops:
            _, late = await asyncio.wait(drops, timeout=max(stop_at - loop.time(), 1.0))
            if late:
                log.warning("shutdown: %d session(s) still running demo.unload or delete_callback after the "
                            "shutdown timeout; stopped waiting for them (BLOCKS_SHUTDOWN_TIMEOUT)", len(late))
                for task in late:
                    task.cancel()

    def _drop_waiting(self, session: Session) -> None:
        """Shutdown: events that have not started will not run; the session's end (the one job
        without a ticket, queued by a bye or a lost connection) still does, so its unload runs."""
        if session.inbox:
            for job in session.inbox:
                if job.ticket is not None:
                    worker.drop_job(job, self.spawn)
            session.inbox = [job for job in session.inbox if job.ticket is None]

    def _busy(self) -> list[Session]:
        return [s for s in self.by_id.values() if s.worker is not None]

    async def _settle(self, until: float) -> bool:
        """Wait until no session has work left, or `until` (loop time); True if none has."""
        loop = asyncio.get_running_loop()
        while (workers := [s.worker for s in self._busy()] + list(self._tasks)) and loop.time() < until:
            await asyncio.wait(workers, timeout=until - loop.time())
        return not self._busy()

    def _cut_off(self, deadline: float) -> None:
        busy = self._busy()
        unload = ", ".join(f"demo.unload({d.callback.name})" for d in
                           self.dispatcher.listeners(self.blocks.id, "unload") if d.callback)  # type: ignore[arg-type]
        names = sorted({s.current.ticket.dependency.where if s.current and s.current.ticket and
                        s.current.ticket.dependency else unload or "demo.unload" for s in busy})
        log.warning("shutdown: %d session(s) still busy after the %.0f s shutdown timeout "
                    "(BLOCKS_SHUTDOWN_TIMEOUT); stopped: %s", len(busy), deadline, ", ".join(names))
        for session in busy:
            session.worker.cancel()  # type: ignore[union-attr]
