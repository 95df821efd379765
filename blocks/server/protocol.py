"""The WebSocket protocol (docs/architecture.md): one socket per page session."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Mapping
from typing import Any

import orjson
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from .. import feedback
from ..deep_link import LinkError
from ..dispatch import Step
from ..errors import BlocksError, Error, InvalidValueError, ProtocolError, Refused
from ..limits import MAX_NESTING, nesting_depth_over, short_repr
from ..queue import QueueFull, Ticket
from ..request import Request
from ..sealing import MAX_PAGE_BYTES
from ..session import Job, Session, Sessions
from ..state import BrowserState
from .clients import CLOSE_TOO_MANY, ClientLimits

log = logging.getLogger("blocks")
MAX_MESSAGE = 1_000_000
CLOSE_TOO_BIG, CLOSE_PROTOCOL, CLOSE_BAD_RESUME, CLOSE_TAKEN_OVER, GOING_AWAY = 1009, 4400, 4401, 4409, 1001
CLOSE_SERVER_STOPPING = 1012  # "service restart"


def hello_timeout() -> float:
    """Seconds a new socket may stay silent before its hello (BLOCKS_HELLO_TIMEOUT, default 5):
    a silent socket costs memory and proves nothing."""
    return float(os.environ.get("BLOCKS_HELLO_TIMEOUT", "5"))


def parse(message: Mapping[str, Any]) -> dict[str, Any]:
    """A frame's JSON object; ProtocolError for anything else."""
    raw = message.get("text") if message.get("text") is not None else message.get("bytes")
    if raw is None:
        raise ProtocolError("empty frame")
    if len(raw) > MAX_MESSAGE:
        raise ProtocolError(f"message of {len(raw)} bytes is over the {MAX_MESSAGE}-byte limit", CLOSE_TOO_BIG)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ProtocolError(f"message is not JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise ProtocolError('message must be a JSON object with a "type"')
    # A value nests no deeper than its brackets are many: most frames are spared the walk.
    brackets = raw.count("[") + raw.count("{") if isinstance(raw, str) else raw.count(b"[") + raw.count(b"{")
    if brackets > MAX_NESTING and nesting_depth_over(data):
        raise ProtocolError(f"message nests more than {MAX_NESTING} levels deep; send flatter values")
    return data


def sender(websocket: WebSocket) -> Any:
    """An async function sending one JSON message; quiet if the socket already closed."""

    async def send(message: dict[str, Any]) -> None:
        if websocket.application_state != WebSocketState.CONNECTED:
            return
        try:
            await websocket.send_text(orjson.dumps(message).decode())
        except (WebSocketDisconnect, RuntimeError, OSError):
            pass

    return send


async def close(websocket: WebSocket, code: int, reason: str = "") -> None:
    """Close the socket unless it is already closed."""
    if websocket.application_state == WebSocketState.CONNECTED:
        with contextlib.suppress(RuntimeError, OSError, WebSocketDisconnect):
            await websocket.close(code, reason[:120])


def error_message(seq: Any, title: str, message: str, duration: float | None = None) -> dict[str, Any]:
    """An error frame for the page's toast."""
    return {"type": "error", "seq": seq, "title": title, "message": message, "duration": duration}


def _after(earlier: dict[str, Any] | None, patch: dict[str, Any]) -> dict[str, Any]:
    """A component's patch sent in the same frame as an earlier one (a session's first values, then its
    load): a value sent as its tail (Component.value_patch) is made whole again from the earlier value."""
    if earlier is None or "value_tail" not in patch or not isinstance(earlier.get("value"), list):
        return patch
    tail = patch["value_tail"]
    rest = {k: v for k, v in patch.items() if k != "value_tail"}
    return {**rest, "value": earlier["value"][:tail["keep"]] + tail["tail"]}


async def run_event(sessions: Sessions, session: Session, seq: Any, trigger: tuple[int, str] | None,
                    values: Any = None, patches: dict[str, Any] | None = None, ticket: Ticket | None = None,
                    event_data: dict[str, Any] | None = None, js_inputs: Any = None) -> None:
    """Run one event (inside the session's job) and send its updates; the last frame has done=true.
    `js_inputs`: what listeners' js= functions made of their inputs, for this call only."""
    updates = dict(patches) if patches else {}
    done_sent = False

    async def on_step(step: Step) -> None:
        nonlocal updates, done_sent
        if session.send:
            for toast in step.toasts:
                await session.send({**toast, "seq": seq})
            for tree in step.renders:  # a gr.render's new subtree, before the updates that may touch it
                await session.send({"type": "render", "seq": seq, **tree})
        if step.error and step.error.get("visible", True) and session.send:
            frame = error_message(seq, step.error["title"], step.error["message"], step.error["duration"])
            if "fields" in step.error:  # a validator's messages, by input id, for the page to show there
                frame["fields"] = step.error["fields"]
            await session.send(frame)
        for cid, patch in step.updates.items():
            updates[cid] = _after(updates.get(cid), patch)
        if (updates or step.last) and session.send:
            await session.send({"type": "update", "seq": seq, "updates": updates, "done": step.last})
            done_sent = step.last
            updates = {}

    loop = asyncio.get_running_loop()

    def progress(frame: dict[str, Any]) -> None:  # gr.Progress, from the loop or a worker thread
        if session.send:
            loop.call_soon_threadsafe(sessions.spawn, session.send({**frame, "seq": seq}))

    token = feedback.reporting.set(progress)
    try:
        start = None if trigger else sessions.dispatcher.page_loads(session.route)
        await sessions.execute(session, trigger, on_step, values, start=start, ticket=ticket, event_data=event_data,
                               js_inputs=js_inputs)
    except (ProtocolError, InvalidValueError, BlocksError, Error) as exc:
        if session.send:
            await session.send(error_message(seq, "Bad request", str(exc)))
    except Exception:  # noqa: BLE001 - a bug of ours must not kill the connection
        log.exception("event %s failed", trigger)
        if session.send:
            await session.send(error_message(seq, "Server error", "The server failed to run this event; "
                                             "its log has the details."))
    finally:
        feedback.reporting.reset(token)
    if not done_sent and session.send:
        await session.send({"type": "update", "seq": seq, "updates": updates, "done": True})


class PageEvent(Job):
    """A page's event in its session's order: it tells the page where it waits, and that it is
    done when it is dropped (cancels=, shutdown)."""

    __slots__ = ("sessions", "session", "seq")

    def __init__(self, sessions: Sessions, session: Session, seq: Any, deps: list[Any], ticket: Ticket,
                 run: Any):
        super().__init__(run, deps, ticket, self.dropped)
        self.sessions, self.session, self.seq = sessions, session, seq

    def notify(self, position: int, size: int, eta: float | None = None) -> None:
        if self.session.send is not None:
            self.sessions.spawn(self.session.send({"type": "queue", "seq": self.seq, "position": position,
                                                   "size": size, "eta": None if eta is None else round(eta, 2)}))

    async def dropped(self) -> None:
        if self.session.send is not None:
            await self.session.send({"type": "update", "seq": self.seq, "updates": {}, "done": True})


def queue_event(sessions: Sessions, session: Session, seq: Any, trigger: tuple[int, str] | None,
                values: Any = None, patches: dict[str, Any] | None = None,
                event_data: dict[str, Any] | None = None, js_inputs: Any = None) -> None:
    """Put an event in the session's order and return at once: the connection goes on reading
    (a bye, a cancel, a disconnect) while it waits or runs. QueueFull when the app's queue, or
    this page's share of it, is full."""
    dispatcher = sessions.dispatcher
    deps = dispatcher.listeners(*trigger, session.id) if trigger else []
    stopping = dispatcher.cancels(*trigger, session.id) if trigger else None
    if stopping:
        sessions.cancel(session, stopping)
    ticket = sessions.queue.ticket(None, counted=trigger is not None)
    job = PageEvent(sessions, session, seq, deps, ticket,
                    lambda: run_event(sessions, session, seq, trigger, values, patches, ticket, event_data, js_inputs))
    ticket.notify = job.notify
    try:
        sessions.submit(session, job)
    except ProtocolError as exc:  # this page has MAX_WAITING events waiting already
        ticket.started()
        raise QueueFull(str(exc)) from None


def queue_link(sessions: Sessions, session: Session, data: dict[str, Any]) -> None:
    """gr.DeepLinkButton asked for a link to what the page shows: made in the session's order (after
    the events sent before it, so their results are in it); answered {"type": "link", "seq", "id"},
    or an error frame with the same seq."""
    seq = data.get("seq")
    if not isinstance(seq, int):
        raise ProtocolError('a link request needs an integer "seq"')

    async def make() -> None:
        try:
            link = await sessions.share(session, data.get("values"))
        except (ProtocolError, InvalidValueError, LinkError) as exc:
            if session.send:
                await session.send(error_message(seq, "Cannot share this page", str(exc)))
            return
        if session.send:
            await session.send({"type": "link", "seq": seq, "id": link})

    sessions.submit(session, Job(make))


async def goodbye(sessions: Sessions, session: Session, websocket: WebSocket) -> None:
    """The page said bye: its session ends once the events it sent have run (unload runs then);
    the socket closes now, whatever still runs."""
    session.send = None  # the page is going: nothing more to tell it
    session.socket = None
    sessions.end_soon(session, "closed")
    await close(websocket, 1000)


def check_event(sessions: Sessions, data: dict[str, Any], session_id: str,
                route: str = "") -> tuple[Any, tuple[int, str]]:
    """(seq, trigger) of an event frame, or ProtocolError naming what is wrong."""
    seq, target, event = data.get("seq"), data.get("target"), data.get("event")
    if not isinstance(seq, int) or not isinstance(target, int) or not isinstance(event, str):
        raise ProtocolError('an event needs integer "seq" and "target" and a string "event"')
    if target not in sessions.dispatcher.on_page or not sessions.dispatcher.listeners(target, event, session_id):
        raise ProtocolError(f"no listener for '{event}' on component {target} that a page may trigger")
    if not sessions.dispatcher.on_route(target, route):
        raise ProtocolError(f"component {target} is on another page of this app; this page cannot trigger it")
    if data.get("data") is not None and not isinstance(data["data"], dict):
        raise ProtocolError('an event\'s "data" must be an object (the fields of its gr.EventData)')
    return seq, (target, event)


async def take_over(session: Session) -> None:
    """A page resumed a session another connection still holds: that one is told and closed."""
    old_send, old_socket = session.send, session.socket
    session.send = session.socket = None
    if old_send is not None:
        await old_send({"type": "expired", "message": "This session was resumed by another connection; "
                                                      "reload this page to start a new one."})
    if old_socket is not None:
        await close(old_socket, CLOSE_TAKEN_OVER, "resumed by another connection")


async def greet(websocket: WebSocket, sessions: Sessions, request: Request, send: Any) -> Session | None:
    """Read the hello frame: resume a session or start one (its demo.load is queued)."""
    first = await asyncio.wait_for(websocket.receive(), hello_timeout())
    if first["type"] == "websocket.disconnect":
        return None
    hello = parse(first)
    if hello["type"] != "hello":
        raise ProtocolError('the first message must be {"type": "hello"}', CLOSE_PROTOCOL)
    route = hello.get("route", "")
    if route not in sessions.dispatcher.routes:  # Blocks.route: the page this session is of
        raise ProtocolError(f"the hello names the page {short_repr(route)}, which this app does not have",
                            CLOSE_PROTOCOL)
    if hello.get("resume"):
        session = sessions.resume(hello["resume"], route)
        if session is None:
            await send({"type": "expired", "message": "This session has ended. Reload the page to start again."})
            await close(websocket, CLOSE_BAD_RESUME, "unknown or ended session")
            return None
        await take_over(session)
        session.send, session.socket = send, websocket
        await send({"type": "session", "session_hash": session.id, "resume": session.resume_token, "resumed": True})
        await send({"type": "update", "seq": None, "updates": await sessions.page_values(session), "done": True})
        return session
    if sessions.closing:
        await send({"type": "expired", "message": "The server is shutting down. Reload the page in a moment."})
        await close(websocket, CLOSE_SERVER_STOPPING, "server shutting down")
        return None
    return await begin(websocket, sessions, request, hello, send)


async def begin(websocket: WebSocket, sessions: Sessions, request: Request, hello: dict[str, Any],
                send: Any) -> Session | None:
    """A new session for a page (its demo.load is queued), unless a limit refuses it: the socket
    then closes with the limit's code and a reason saying which (the page shows it)."""
    note_dropped(sessions, hello.get("dropped"))
    try:
        session, patches, notices = await sessions.start(request, hello.get("browser_state"),
                                                         link=hello.get("deep_link"))
    except Refused as exc:
        await close(websocket, exc.close_code, str(exc))
        return None
    session.route = hello.get("route", "")
    session.send, session.socket = send, websocket
    await send({"type": "session", "session_hash": session.id, "resume": session.resume_token, "resumed": False})
    for notice in notices:
        await send(notice)
    queue_event(sessions, session, 0, None, patches=patches)
    return session


def note_dropped(sessions: Sessions, dropped: Any) -> None:
    """The page left stored BrowserState values out of its hello (they did not fit in a frame
    together): say which in the log; those components start with their default values."""
    if not isinstance(dropped, dict) or not dropped:
        return
    names = []
    for cid, size in list(dropped.items())[:20]:
        comp = sessions.blocks.blocks_by_id.get(int(cid)) if cid.isdigit() and len(cid) < 10 else None
        if isinstance(comp, BrowserState):
            names.append(f"{comp.describe()} ({size if isinstance(size, int) else '?'} bytes)")
    if names:
        log.warning("a page dropped its stored value of %s: its BrowserState values together were over the "
                    "%s-byte budget per page; they start with their default values", ", ".join(names),
                    f"{MAX_PAGE_BYTES:,}")


async def handle(message: Mapping[str, Any], websocket: WebSocket, sessions: Sessions, session: Session,
                 send: Any) -> bool:
    """Do one frame's work without waiting for any event to run; False when the socket closed.

    Events go into the session's order (session.py) and run there, one at a time, in the
    order sent; this task goes straight back to reading, so a bye, a cancel or a disconnect
    is seen even while a listener runs.
    """
    data: dict[str, Any] = {}
    try:
        data = parse(message)
        if data["type"] == "bye":
            await goodbye(sessions, session, websocket)
            return False
        if data["type"] == "link":
            queue_link(sessions, session, data)
            return True
        if data["type"] != "event":
            raise ProtocolError(f"unknown message type '{data['type']}'")
        seq, trigger = check_event(sessions, data, session.id, session.route)
        queue_event(sessions, session, seq, trigger, data.get("values"), event_data=data.get("data"),
                    js_inputs=data.get("js_inputs"))
    except QueueFull as exc:
        await send(error_message(data.get("seq"), "Error", str(exc)))
        await send({"type": "update", "seq": data.get("seq"), "updates": {}, "done": True})
    except ProtocolError as exc:
        if exc.close_code:
            await close(websocket, exc.close_code, str(exc))
            return False
        await send(error_message(data.get("seq"), "Bad request", str(exc)))
    return True


async def serve_socket(websocket: WebSocket, sessions: Sessions, request: Request,
                       clients: ClientLimits | None = None) -> None:
    """Serve one page: hello, then frames until the page says bye or the socket drops. A client
    that holds its limit of open sockets is closed at once (4429, with the reason)."""
    host = request.client.host or ""
    refusal = clients.open_socket(host) if clients is not None else None
    await websocket.accept()
    if refusal is not None:
        await close(websocket, CLOSE_TOO_MANY, refusal)
        return
    try:
        await _serve(websocket, sessions, request)
    finally:
        if clients is not None:
            clients.close_socket(host)


async def _serve(websocket: WebSocket, sessions: Sessions, request: Request) -> None:
    send = sender(websocket)
    session = None
    close_code = None
    try:
        session = await greet(websocket, sessions, request, send)
        while session is not None:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                close_code = message.get("code")
                break
            if not await handle(message, websocket, sessions, session, send):
                break
    except ProtocolError as exc:
        await send(error_message(None, "Bad request", str(exc)))
        await close(websocket, exc.close_code or CLOSE_PROTOCOL, str(exc))
    except (WebSocketDisconnect, asyncio.TimeoutError) as exc:
        close_code = getattr(exc, "code", None)
        if isinstance(exc, asyncio.TimeoutError):
            await close(websocket, CLOSE_PROTOCOL, f"no hello within {hello_timeout():g} s")
    finally:
        if session is not None and session.send is send:  # not replaced by a resumed connection
            if close_code == GOING_AWAY:  # the browser closed or reloaded the page
                sessions.end_soon(session, "closed")
            else:
                sessions.disconnected(session)
