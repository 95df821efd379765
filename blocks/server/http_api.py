"""POST /api/<api_name>: run a listener for scripts and curl (JSON in, JSON out)."""

from __future__ import annotations

import difflib
import math
import time
from typing import TYPE_CHECKING, Any

import orjson
from fastapi import Request
from fastapi.responses import Response
from starlette.requests import ClientDisconnect

from ..component import Component
from ..dispatch import Step
from ..errors import BlocksError, InvalidValueError, ProtocolError, Refused
from ..limits import MAX_NESTING, nesting_depth_over
from ..queue import QueueFull
from ..request import Request as BlocksRequest
from ..session import Session, Sessions

if TYPE_CHECKING:
    from ..events import Dependency

MAX_BODY = 1_000_000


def reply(body: dict[str, Any], status: int = 200) -> Response:
    """A JSON response."""
    return Response(orjson.dumps(body), status_code=status, media_type="application/json")


def _refuse(status: int, message: str) -> Response:
    return reply({"error": message}, status)


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes | None:
    """The body, or None as soon as it is known to be over `limit` (never buffered whole)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


async def _read(request: Request, dep: "Dependency") -> tuple[list[Any], Any, bool] | Response:
    try:
        body = await read_body(request)
    except ClientDisconnect:  # nothing runs for a body that never arrived whole; the reply goes nowhere
        return _refuse(400, "the request body was cut off (the client disconnected); send it again, whole")
    if body is None:
        return _refuse(413, f"request body is over the {MAX_BODY:,}-byte limit")
    try:
        payload = orjson.loads(body or b"{}")
    except orjson.JSONDecodeError as exc:
        return _refuse(400, f'body is not JSON ({exc}); send {{"data": [...]}}')
    if nesting_depth_over(payload):  # before anything compares, copies or shows the values
        return _refuse(400, f"the body nests lists/objects more than {MAX_NESTING} levels deep; send flatter values")
    if not isinstance(payload, dict):
        return _refuse(422, 'the body must be a JSON object: {"data": [...]}')
    return _fields(payload, dep)


def _fields(payload: dict[str, Any], dep: "Dependency") -> tuple[list[Any], Any, bool] | Response:
    """(data, session_hash, keep_session) from the body, or the 422 naming what is wrong."""
    data = payload.get("data", [])
    expected = [c for c in dep.inputs if not c.server_only]
    if not isinstance(data, list) or len(data) != len(expected):
        names = ", ".join(c.describe() for c in expected) or "nothing"
        return _refuse(422, f'"data" must be a list of {len(expected)} value(s): {names}')
    session_hash, keep = payload.get("session_hash"), payload.get("keep_session")
    if session_hash is not None and not isinstance(session_hash, str):
        return _refuse(422, '"session_hash" must be the string an earlier reply gave; omit it to start a new session')
    if keep is not None and not isinstance(keep, bool):
        return _refuse(422, '"keep_session" must be true or false')
    return data, session_hash, keep is True


def _unknown_endpoint(request: Request, api_name: str, endpoints: dict[str, "Dependency"]) -> Response:
    """A 404 that points to the documentation rather than listing every endpoint (hidden ones stay hidden)."""
    documented = sorted(name for name, dep in endpoints.items() if dep.api_visibility == "public")
    close = difflib.get_close_matches(api_name, documented, n=1)
    hint = f" Did you mean '/api/{close[0]}'?" if close else ""
    docs = request.scope.get("root_path", "").rstrip("/") + "/openapi.json"
    return _refuse(404, f"no endpoint '/api/{api_name[:100]}'.{hint} The endpoints are described at {docs}.")


def _ended(session: Session, sessions: Sessions) -> Response:
    return _refuse(404, f"session_hash '{session.id}' has ended (a kept session is dropped "
                        f"{sessions.blocks.state_ttl:g} s after its last call: BLOCKS_STATE_TTL or delete_cache); "
                        f'omit session_hash, and send "keep_session": true, to start a new one')


async def run_api(request: Request, api_name: str, endpoints: dict[str, "Dependency"], sessions: Sessions,
                  blocks_request: BlocksRequest) -> Response:
    """Run the listener named `api_name` with the posted inputs; reply with its outputs.

    Without a session_hash the call gets a fresh session, dropped right after it, unless the
    body says `"keep_session": true`: then it is kept for the TTL and its session_hash returned.
    """
    dep = endpoints.get(api_name)
    if dep is None:
        return _unknown_endpoint(request, api_name, endpoints)
    read = await _read(request, dep)
    if isinstance(read, Response):
        return read
    data, session_hash, keep = read
    if session_hash is not None:
        session = sessions.api_session(session_hash)
        if session is None:
            return _refuse(404, "unknown or ended session_hash; omit it to start a new session")
    else:
        try:
            session, _, _ = await sessions.start(blocks_request, None, page=False, kept=keep)
        except Refused as exc:  # this client's sessions per minute, or the server's capacity
            response = _refuse(exc.status, str(exc))
            if exc.retry_after is not None:
                response.headers["Retry-After"] = str(math.ceil(exc.retry_after))
            return response
    return await _run_in(session, session_hash is None and not keep, sessions, dep, data, blocks_request)


async def _run_in(session: Session, ephemeral: bool, sessions: Sessions, dep: "Dependency", data: list[Any],
                  blocks_request: BlocksRequest) -> Response:
    """The call in its session: held during it, then dropped (ephemeral) or released for the TTL."""
    await sessions.store.hold(session.id)  # a sweep must not drop it during the call
    try:
        outputs, error, ran = await _call(sessions, session, dep, data, blocks_request)
        # Not run: the session was dropped while the call waited. An error with no values left:
        # they expired under it. Either way the caller must start a new session.
        if not ran or (error is not None and await sessions.store.load(session.id) is None):
            return _ended(session, sessions)
    except (ProtocolError, InvalidValueError, BlocksError) as exc:
        return _refuse(422, str(exc))
    except QueueFull as exc:
        return _refuse(503, str(exc))
    except Refused as exc:  # stopped while it waited: cancels=, or the server is shutting down
        return _refuse(exc.status, str(exc))
    finally:
        if ephemeral:
            await sessions.drop(session.id)
        elif session.phase == "api":
            await sessions.store.release(session.id, time.time())
    kept = {} if ephemeral else {"session_hash": session.id}
    if error is not None:
        return reply({"error": error["message"], "title": error["title"], **kept},
                     400 if error["kind"] == "user" else 500)
    return reply({"data": outputs, **kept})


async def _call(sessions: Sessions, session: Session, dep: "Dependency", data: list[Any],
                blocks_request: BlocksRequest) -> tuple[list[Any], dict[str, Any] | None, bool]:
    """The listener's outputs (a generator's last values), its last error if any, and whether it
    ran at all (not when the session ended while the call waited)."""
    result: dict[int, Any] = {}
    errors: list[dict[str, Any]] = []
    ran: list[bool] = []

    async def on_step(step: Step) -> None:
        if step.dependency is dep:
            ran.append(True)
            result.update(step.outputs)
            errors.extend([step.error] if step.error else [])

    ticket = sessions.queue.ticket()  # QueueFull when max_size events wait already

    async def run() -> None:
        await sessions.execute(session, None, on_step, start=[dep], api_data=data, request=blocks_request,
                               ticket=ticket)

    await sessions.call(session, run, [dep], ticket)
    # Layouts (outputs to change their props) have no value: null, like State outputs.
    outputs = [c.api_value(result.get(c.id)) if isinstance(c, Component) else None  # type: ignore[arg-type]
               for c in dep.outputs]
    return outputs, errors[-1] if errors else None, bool(ran)
