"""The one event path: client values -> listeners -> outputs -> commit -> cascade."""

from __future__ import annotations

import asyncio
import inspect
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from . import feedback, listener_io, threads, tqdm_progress
from .callbacks import Callback
from .component import Block, Component
from .errors import InvalidValueError, ProtocolError, TimeLimitError, error_payload
from .files import current_session as file_session
from .limits import short_repr
from .listener_io import ListenerIO, Step, copied_state, props_key
from .queue import Queue, Ticket
from .render import running as rendering
from .render_tables import adopt_runs
from .request import EventData, Request

if TYPE_CHECKING:
    from .events import Dependency
    from .sealing import Sealer
    from .store import SessionStore
    from .tree import Tree

__all__ = ["Dispatcher", "OnStep", "Step", "props_key"]


def _unique(ids: list[int]) -> list[int]:
    return list(dict.fromkeys(ids))


MAX_STEPS = 100  # listeners one event may run, cascades included, before we call it a loop

OnStep = Callable[[Step], Awaitable[None]]


class Dispatcher:
    """Runs listeners for one Blocks against a SessionStore."""

    def __init__(self, blocks: "Tree", store: "SessionStore", sealers: dict[int, "Sealer"], queue: Queue,
                 show_error: bool = False):
        self.blocks = blocks
        self.store = store
        self.sealers = sealers
        self.queue = queue
        self.show_error = show_error
        self.io = ListenerIO(blocks, sealers)
        self.by_trigger: dict[tuple[int, str], list[Dependency]] = {}
        for dep in blocks.dependencies:
            for trigger in dep.triggers:
                self.by_trigger.setdefault((trigger.block.id, trigger.event), []).append(dep)  # type: ignore[arg-type]
        self.cancels_by_trigger = {trigger: {t.id for dep in deps for t in dep.cancels}
                                   for trigger, deps in self.by_trigger.items() if any(d.cancels for d in deps)}
        # What a page may touch: values of editable components, events of components it shows.
        # Layouts with events (Tabs, Tab, Accordion, Sidebar) are on the page too; they take no values.
        self.on_page: dict[int, Block] = {
            b.id: b for b in blocks.blocks_by_id.values()  # type: ignore[misc]
            if (isinstance(b, Component) or getattr(b, "events", None)) and b is not blocks and not b.server_only}
        self.interactive = {cid: blocks.interactive(c) if isinstance(c, Component)
                            else getattr(c, "interactive", True) is not False for cid, c in self.on_page.items()}
        # Blocks.route: the page (URL path) each static block is on; a session touches its page's only.
        self.page_of = {cid: block.page for cid, block in self.on_page.items()}
        self.routes = {page.path for page in getattr(blocks, "pages", ())} | {""}
        # gr.render's per-session listeners and the session of each rendered id (render_tables.py).
        self.rendered: dict[str, dict[tuple[int, str], list[Dependency]]] = {}
        self.render_owners: dict[int, str] = {}

    def listeners(self, target: int, event: str, session_id: str | None = None) -> list["Dependency"]:
        """The listeners a (component, event) trigger runs: the static ones, then the session's rendered ones."""
        static = self.by_trigger.get((target, event), [])
        mine = self.rendered.get(session_id, {}).get((target, event)) if session_id is not None else None
        return static + mine if mine else static

    def page_loads(self, route: str) -> list["Dependency"]:
        """The demo.load listeners of one page (Blocks.route), run when a session of it starts."""
        return [dep for dep in self.listeners(self.blocks.id, "load") if dep.page == route]  # type: ignore[arg-type]

    def on_route(self, cid: int, route: str) -> bool:
        """Is component `cid` on the page `route`? (Rendered ones are their session's, checked by owner.)"""
        return self.page_of.get(cid, route) == route

    def cancels(self, target: int, event: str, session_id: str | None = None) -> set[int] | None:
        """The listeners whose events a trigger stops (their `cancels=`), or None."""
        static = self.cancels_by_trigger.get((target, event))
        mine = self.rendered.get(session_id, {}).get((target, event)) if session_id is not None else None
        rendered = {t.id for d in mine or [] for t in d.cancels}
        return (static or set()) | rendered if rendered else static

    def _usable(self, cid: int, values: dict[Any, Any], event: str = "") -> bool:
        """Shown and editable in this session (props updates included)? A player's own events
        (play, pause ...: the component's `viewer_events`) need it shown only."""
        props, component = values.get(props_key(cid)) or {}, self.on_page[cid]
        if props.get("visible", getattr(component, "visible", True)) is False:
            return False
        if event in component.viewer_events:
            return True
        if not component.takes_input:  # display components (HTML, Label) are clickable as outputs too
            return props.get("interactive", getattr(component, "interactive", None)) is not False
        return bool(props.get("interactive", self.interactive[cid]))

    def check_trigger(self, values: dict[Any, Any], target: int, event: str, session_id: str | None = None,
                      route: str = "") -> None:
        """A page may fire events only of components it shows as usable, never load/unload/State, nor
        those of another page of the app (Blocks.route)."""
        if target not in self.on_page or not self.listeners(target, event, session_id) \
                or not self.on_route(target, route):
            raise ProtocolError(f"no listener for '{event}' on component {target} that a page may trigger")
        if not self._usable(target, values, event):
            raise ProtocolError(f"{self.on_page[target].describe()} is hidden or not interactive; "
                                f"its '{event}' event is refused")

    def check_client_values(self, values: dict[Any, Any], sent: Any, route: str = "") -> dict[int, Any]:
        """Validate values a page (of the page `route`) sent; raise ProtocolError/InvalidValueError before
        any change."""
        if not isinstance(sent, dict):
            raise ProtocolError("'values' must be an object of {component id: value}.")
        checked = {}
        for key, payload in sent.items():
            cid = int(key) if isinstance(key, str) and key.isascii() and key.isdigit() and len(key) < 10 else -1
            component = self.on_page.get(cid)
            if component is None or not component.takes_input or not self._usable(cid, values) \
                    or not self.on_route(cid, route):
                raise ProtocolError(f"component {short_repr(key)} does not exist or does not accept input.")
            checked[cid] = self.io.component(cid, values).check_payload(payload)
        return checked

    def check_api_values(self, dep: "Dependency", data: list[Any]) -> dict[int, Any]:
        """The values an API caller sent for a listener's non-State inputs, checked; they become
        the session's values before the listener runs, as a page's do."""
        checked: dict[int, Any] = {}
        for comp, payload in zip([c for c in dep.inputs if not c.server_only], data):
            checked[comp.id] = self.io.api_payload(comp, payload)  # type: ignore[index]
        return checked

    def check_js_inputs(self, deps: list["Dependency"], sent: Any) -> dict[int, dict[int, Any]]:
        """What the page's js= functions made of the inputs of the triggered listeners (with a
        Python function): {listener id: {input id: payload}}, each payload checked."""
        usable = {str(dep.id): dep for dep in deps if dep.js and dep.callback is not None}
        if not isinstance(sent, dict) or not all(isinstance(v, dict) and k in usable for k, v in sent.items()):
            raise ProtocolError("'js_inputs' must be {listener id: {input id: value}} for triggered js= listeners.")
        checked: dict[int, dict[int, Any]] = {}
        for key, payloads in sent.items():
            dep = usable[key]
            inputs = {str(c.id): c for c in dep.inputs if not c.server_only}
            for cid, payload in payloads.items():
                if cid not in inputs:
                    raise ProtocolError(f"'js_inputs': {short_repr(cid)} is not an input of listener {key}.")
                checked.setdefault(dep.id, {})[int(cid)] = self.io.api_payload(inputs[cid], payload)
        return checked

    async def run(self, session_id: str, start: list["Dependency"], request: Request | None, on_step: OnStep,
                  event: EventData | None = None, ticket: Ticket | None = None,
                  replaced: dict[int, dict[int, Any]] | None = None) -> None:
        """Run `start`, then everything its changes and .then chains trigger, in order.

        `on_step` gets each listener's Step as soon as it is committed (a callback rather than
        an async generator: this is the hot path of every event). `event` is what started it;
        `ticket` its place in the queue (each listener waits for a slot of its concurrency group).
        `replaced`: inputs of the triggered listeners that their js= functions changed (this call only).
        """
        first = event or EventData(None, "")
        ticket = ticket or self.queue.ticket(counted=False)
        queue: deque[tuple[Dependency, EventData]] = deque([(dep, first) for dep in start])
        ran = 0
        while queue:
            dep, event = queue.popleft()
            ran += 1
            if ran > MAX_STEPS:
                await on_step(Step(dep, last=True, error=error_payload(dep, InvalidValueError(
                    f"more than {MAX_STEPS} listeners ran for one event; listeners that update each "
                    f"other's inputs (a.change -> b, b.change -> a) loop forever. Break the cycle."), self.show_error)))
                return
            toasts: list[dict[str, Any]] = []
            token = feedback.collecting.set(toasts)
            renders: list[Any] = []  # render.Built, adopted after the run
            building = rendering.set((self, session_id, renders))
            tracking = tqdm_progress.start(dep.callback is not None and dep.callback.tracks_tqdm)
            own = listener_io.js_inputs.set(replaced.get(dep.id) if replaced and ran <= len(start) else None)
            signing = file_session.set(session_id)  # files it returns are this session's to read
            try:
                ticket.dependency = dep
                step, changed = await self._run_one(session_id, dep, request, event, on_step, ticket)
            finally:
                tqdm_progress.stop(tracking)
                listener_io.js_inputs.reset(own)
                file_session.reset(signing)
                feedback.collecting.reset(token)
                rendering.reset(building)
            step.toasts, step.renders = toasts, await adopt_runs(self, session_id, renders, queue)
            queued = {d.id for d, _ in queue}
            for cid in changed:
                for follower in self.listeners(cid, "change", session_id):
                    if follower.id not in queued:
                        queue.append((follower, EventData(self.blocks.blocks_by_id[cid], "change")))
                        queued.add(follower.id)
            ok = step.error is None
            for follower in dep.followers:
                mode = follower.after[1]  # type: ignore[index]
                if mode == "then" or (mode == "success") == ok:
                    queue.append((follower, event))
            step.last = not queue
            await on_step(step)

    async def _run_one(self, session_id: str, dep: "Dependency", request: Request | None, event: EventData,
                       on_step: OnStep, ticket: Ticket) -> tuple[Step, list[int]]:
        """One listener: its final Step and the ids it changed. A generator's values before the
        last go to `on_step` as they come (final=False)."""
        values = await self.store.load(session_id)
        if values is None:
            return Step(dep, error={"title": "Session ended", "message": "This session has ended; reload the page.",
                                    "duration": None, "visible": True, "kind": "user"}), []
        changed: list[int] = []
        group = self.queue.group(dep)
        try:
            callback = dep.callback
            if callback is None:
                inputs, working = self.io.inputs(dep, values)
                return await self._apply(session_id, dep, values, None, working)
            if not callback.is_generator:
                step, changes, changed = await self._call(dep, values, request, event, ticket)
                if changes:
                    await self.store.commit(session_id, changes)
                return step, changed
            release = await self._slot(dep, ticket)
            began: list[bool] = []
            await self._limited(dep, self._stream(session_id, dep, values, request, event, on_step, release, changed,
                                                  began), release, began)
            return Step(dep), _unique(changed)
        except ProtocolError:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message; nothing more is committed
            return Step(dep, error=error_payload(dep, exc, self.show_error)), _unique(changed)
        finally:
            if group is not None:  # its run time feeds the group's estimate (queue ETA)
                group.finished(ticket)

    async def _slot(self, dep: "Dependency", ticket: Ticket) -> Callable[[], None] | None:
        """Wait for a slot of the listener's concurrency group; returns what frees it."""
        group = self.queue.group(dep)
        if group is not None:
            await group.acquire(ticket)
        ticket.started()
        return group.release if group is not None else None

    @staticmethod
    async def _limited(dep: "Dependency", work: Awaitable[Any], release: Callable[[], None] | None = None,
                       began: list[bool] | None = None) -> Any:
        """`work`, stopped with a clear error after the listener's time_limit. If it is cancelled
        before its first step (Python 3.10/3.11's wait_for runs it in a task of its own), it never
        frees its slot itself (`began` stays empty): it is freed here."""
        if dep.time_limit is None:
            return await work
        try:
            return await asyncio.wait_for(work, dep.time_limit)
        except asyncio.TimeoutError:
            raise TimeLimitError(f"{dep.callback.name}() was stopped after its time_limit of "  # type: ignore[union-attr]
                                 f"{dep.time_limit:g} s; nothing it returned after that is kept.") from None
        finally:
            if began is not None and not began and release is not None:
                release()

    async def _call(self, dep: "Dependency", values: dict[Any, Any], request: Request | None, event: EventData,
                    ticket: Ticket) -> tuple[Step, dict[Any, Any], list[int]]:
        """A plain listener. A sync one runs whole in a worker thread (copying State in, comparing
        and sealing it out): large State never stalls the event loop, at the cost of one thread
        hop, the same one the function itself needs. In a limited group (without a time_limit,
        which must not count the wait) it is handed to the group, whose threads run waiting calls
        back to back."""
        callback: Callback = dep.callback  # type: ignore[assignment]
        listener = None if callback.is_async else self._sync_listener(dep, values, request, event)
        group = self.queue.group(dep)
        if listener is not None and dep.time_limit is None and group is not None and group.limit is not None:
            return await group.run_sync(threads.in_context(listener), ticket)  # type: ignore[no-any-return]
        if group is None or group.try_acquire(ticket):  # a free slot (or no limit): taken without waiting
            ticket.started()
            release = group.release if group is not None else None
        else:
            release = await self._slot(dep, ticket)
        began: list[bool] = []
        work = self._run_call(dep, values, request, event, release, listener, began)
        return await (work if dep.time_limit is None else self._limited(dep, work, release, began))  # type: ignore[no-any-return]

    def _sync_listener(self, dep: "Dependency", values: dict[Any, Any], request: Request | None,
                       event: EventData) -> Callable[[], tuple[Step, dict[Any, Any], list[int]]]:
        """The whole of a sync listener's run, for a worker thread."""
        callback: Callback = dep.callback  # type: ignore[assignment]

        def listener() -> tuple[Step, dict[Any, Any], list[int]]:
            inputs, working = self.io.inputs(dep, values)
            self.io.validate(dep, inputs, dep.validator(*self.io.arguments(dep, inputs)) if dep.validator else None)
            args, kwargs = callback.arguments(self.io.arguments(dep, inputs), request, event)
            step = Step(dep)
            changes, changed = self.io.outputs(dep, values, callback.fn(*args, **kwargs), working, step)
            return step, changes, changed

        return listener

    async def _run_call(self, dep: "Dependency", values: dict[Any, Any], request: Request | None, event: EventData,
                        release: Callable[[], None] | None, listener: Callable[[], Any] | None,
                        began: list[bool]) -> tuple[Step, dict[Any, Any], list[int]]:
        """A listener with its slot taken: sync in a worker thread, async on the loop."""
        began.append(True)  # from here on, the run frees its slot
        callback: Callback = dep.callback  # type: ignore[assignment]
        if listener is not None:
            return await threads.run_sync(listener, release)  # type: ignore[no-any-return]
        try:  # the slot is freed even if the inputs fail (a State that cannot be copied)
            inputs, working = await self._cpu(dep, self.io.inputs, dep, values)
            await self._avalidate(dep, inputs)
            args, kwargs = callback.arguments(self.io.arguments(dep, inputs), request, event)
            result = await callback.fn(*args, **kwargs)
        finally:
            if release is not None:
                release()
        step = Step(dep)
        changes, changed = await self._cpu(dep, self.io.outputs, dep, values, result, working, step)
        return step, changes, changed

    async def _stream(self, session_id: str, dep: "Dependency", values: dict[Any, Any], request: Request | None,
                      event: EventData, on_step: OnStep, release: Callable[[], None] | None,
                      changed: list[int], began: list[bool]) -> None:
        """A generator listener: each value it yields is committed (State as a copy, so that its
        later in-place edits stay unseen until its next yield) and sent; `changed` collects what
        changed, so that .change listeners run even if a later step fails."""
        began.append(True)  # from here on, the run frees its slot
        callback: Callback = dep.callback  # type: ignore[assignment]
        try:  # until threads.results owns the slot, a failure or a cancel here frees it
            inputs, working = await self._cpu(dep, self.io.inputs, dep, values)
            await self._avalidate(dep, inputs)
            args, kwargs = callback.arguments(self.io.arguments(dep, inputs), request, event)
        except BaseException:
            if release is not None:
                release()
            raise
        async for result in threads.results(callback, args, kwargs, release):
            step = Step(dep, final=False)
            changes, step_changed = await self._cpu(dep, self.io.outputs, dep, values, result, working, step)
            if changes:
                await self.store.commit(session_id, await self._cpu(dep, copied_state, dep, changes))
            changed += step_changed
            await on_step(step)
            values = await self.store.load(session_id) or values

    async def _avalidate(self, dep: "Dependency", inputs: list[Any]) -> None:
        if dep.validator is not None:
            verdict = dep.validator(*self.io.arguments(dep, inputs))
            self.io.validate(dep, inputs, await verdict if inspect.isawaitable(verdict) else verdict)

    @staticmethod
    async def _cpu(dep: "Dependency", fn: Callable[..., Any], *args: Any) -> Any:
        """Copying, comparing and sealing State can take long for a large value: off the loop."""
        return await threads.in_thread(fn, *args) if dep.touches_state else fn(*args)

    async def _apply(self, session_id: str, dep: "Dependency", values: dict[Any, Any], result: Any,
                     working: dict[int, Any]) -> tuple[Step, list[int]]:
        """Map one result to outputs and commit it."""
        step = Step(dep)
        changes, changed = self.io.outputs(dep, values, result, working, step)
        if changes:
            await self.store.commit(session_id, changes)
        return step, changed

