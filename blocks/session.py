"""Sessions: server-issued ids, resume after a blip, events in order, unload exactly once, expiry."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .dispatch import Dispatcher, OnStep, Step
from .request import EventData, Request
from .sealing import SealError
from .state import BrowserState
from .threads import in_thread

if TYPE_CHECKING:
    from .app import Blocks
    from .sealing import Sealer
    from .store import SessionStore

log = logging.getLogger("blocks")
Sender = Callable[[dict[str, Any]], Awaitable[None]]


def reconnect_grace() -> float:
    """Seconds a page may be disconnected and still resume its session (BLOCKS_RECONNECT_GRACE)."""
    return float(os.environ.get("BLOCKS_RECONNECT_GRACE", "10"))


class Session:
    """One page session (or one API caller) in this process."""

    __slots__ = ("id", "resume_token", "request", "lock", "send", "phase", "grace", "end_reason")

    def __init__(self, request: Request, page: bool):
        self.id = secrets.token_urlsafe(16)  # 128 random bits, never chosen by the client
        self.resume_token = secrets.token_urlsafe(24) if page else ""
        self.request = request.for_session(self.id, keep_connection=page)
        self.lock = asyncio.Lock()  # FIFO: a session's events run one at a time, in arrival order
        self.send: Sender | None = None
        self.phase = "open" if page else "api"  # open | waiting | api | ended
        self.grace: asyncio.TimerHandle | None = None
        self.end_reason: str | None = None


class Sessions:
    """All sessions of one app in this process; their values live in the store."""

    def __init__(self, blocks: "Blocks", store: "SessionStore", sealers: dict[int, "Sealer"],
                 show_error: bool = False):
        self.blocks = blocks
        self.store = store
        self.sealers = sealers
        self.dispatcher = Dispatcher(blocks, store, sealers, show_error)
        self.by_id: dict[str, Session] = {}
        self.by_token: dict[str, Session] = {}
        self.grace = reconnect_grace()
        self._tasks: set[asyncio.Task[Any]] = set()
        components = blocks.components()
        self._static = {c.id: c.initial_value() for c in components
                        if not c.server_only and not c.value_is_per_session}
        self._per_session = [c for c in components if c.server_only or c.value_is_per_session]
        self._server_only = {c.id for c in components if c.server_only}

    # -- starting -----------------------------------------------------------
    async def start(self, request: Request, browser_blobs: dict[str, Any] | None,
                    page: bool = True) -> tuple[Session, dict[str, dict[str, Any]], list[dict[str, Any]]]:
        """A new session: its initial values, the patches the page needs, and notices for it
        (warning and error messages)."""
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
        await self.store.create(session.id, values)
        self.by_id[session.id] = session
        if page:
            self.by_token[session.resume_token] = session
        else:
            await self.store.release(session.id, time.time())
        return session, patches, notices

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

    def resume(self, token: Any) -> Session | None:
        """The session a reconnecting page held, if it is still within its grace period."""
        session = self.by_token.get(token) if isinstance(token, str) else None
        if session is None or session.end_reason is not None:
            return None
        if session.grace is not None:
            session.grace.cancel()
            session.grace = None
        session.phase = "open"
        return session

    async def page_values(self, session: Session) -> dict[str, dict[str, Any]]:
        """Every visible component's current value and prop updates, to resync a resumed page."""
        values = await self.store.load(session.id) or {}
        patches: dict[str, dict[str, Any]] = {}
        for key, value in values.items():
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
    async def run(self, session: Session, trigger: tuple[int, str] | None, on_step: OnStep,
                  client_values: Any = None, start: list[Any] | None = None, api_data: list[Any] | None = None,
                  request: Request | None = None) -> None:
        """Run an event in the session's order; `on_step` gets each listener's Step.

        `request` is this call's request when it is not the session's own (the HTTP API).
        """
        async with session.lock:
            if session.phase == "ended":
                return
            if trigger is not None:  # an event from the page
                values = await self.store.load(session.id) or {}
                self.dispatcher.check_trigger(values, *trigger)
                if client_values:
                    await self.store.commit(session.id, self.dispatcher.check_client_values(values, client_values))
            deps = start if start is not None else self.dispatcher.listeners(*trigger)  # type: ignore[misc]
            event = EventData(self.blocks.blocks_by_id.get(trigger[0]), trigger[1]) if trigger else None
            request = request.for_session(session.id) if request else session.request
            await self.dispatcher.run(session.id, deps, request, on_step, api_data, event)

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
        loop = asyncio.get_running_loop()
        session.grace = loop.call_later(self.grace, self._grace_over, session)

    def _grace_over(self, session: Session) -> None:
        # Claimed here, synchronously, so that a resume cannot slip in before end() runs.
        if self.claim_end(session, "disconnected"):
            self.spawn(self._finish(session))

    def claim_end(self, session: Session, reason: str) -> bool:
        """Mark a page session as ending, once; True for the caller that should finish it."""
        if session.end_reason is not None or session.phase == "api":
            return False
        session.end_reason = reason
        if session.grace is not None:
            session.grace.cancel()
        self.by_token.pop(session.resume_token, None)
        return True

    async def end(self, session: Session, reason: str) -> None:
        """End a page session once: run demo.unload, then keep its state for the TTL."""
        if self.claim_end(session, reason):
            await self._finish(session)

    async def _finish(self, session: Session) -> None:
        async with session.lock:  # events that arrived before the end still run first (FIFO)
            session.phase = "ended"
            await self._unload(session)
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
        """Forget a session now: an API session's demo.unload runs (it ends here), its values go,
        and State delete callbacks run."""
        session = self.by_id.pop(session_id, None)
        if session is not None and session.phase == "api":
            async with session.lock:
                session.phase = "ended"
                await self._unload(session)
        values = await self.store.delete(session_id)
        for comp in self._per_session:
            callback = getattr(comp, "delete_callback", None)
            if callback is not None and values is not None and comp.id in values:
                try:
                    await in_thread(callback, values[comp.id])
                except Exception:  # noqa: BLE001 - one bad callback must not stop the sweep
                    log.exception("delete_callback of %s failed", comp.describe())

    async def shutdown(self, deadline: float = 10.0) -> None:
        """Server stopping: end every page session (unload runs once, after the events already
        queued), wait up to `deadline` seconds for them, then drop all state."""
        for session in list(self.by_id.values()):
            if self.claim_end(session, "shutdown"):
                self.spawn(self._finish(session))
        if self._tasks:
            _, late = await asyncio.wait(set(self._tasks), timeout=deadline)
            for task in late:
                task.cancel()
        for session_id in [*self.by_id, *await self.store.expired(float("inf"))]:
            await self.drop(session_id)
