"""POST /api/<api_name>: run a listener for scripts and curl (JSON in, JSON out)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import orjson
from fastapi import Request
from fastapi.responses import Response

from ..dispatch import Step
from ..errors import BlocksError, InvalidValueError, ProtocolError
from ..request import Request as BlocksRequest
from ..queue import QueueFull
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
    body = await read_body(request)
    if body is None:
        return _refuse(413, f"request body is over the {MAX_BODY:,}-byte limit")
    try:
        payload = orjson.loads(body or b"{}")
    except orjson.JSONDecodeError as exc:
        return _refuse(400, f'body is not JSON ({exc}); send {{"data": [...]}}')
    data = payload.get("data", []) if isinstance(payload, dict) else None
    expected = [c for c in dep.inputs if not c.server_only]
    if not isinstance(data, list) or len(data) != len(expected):
        names = ", ".join(c.describe() for c in expected) or "nothing"
        return _refuse(422, f'"data" must be a list of {len(expected)} value(s): {names}')
    return data, payload.get("session_hash"), payload.get("keep_session") is True


async def run_api(request: Request, api_name: str, endpoints: dict[str, "Dependency"], sessions: Sessions,
                  blocks_request: BlocksRequest) -> Response:
    """Run the listener named `api_name` with the posted inputs; reply with its outputs.

    Without a session_hash the call gets a fresh session, dropped right after it, unless the
    body says `"keep_session": true`: then it is kept for the TTL and its session_hash returned.
    """
    dep = endpoints.get(api_name)
    if dep is None:
        return _refuse(404, f"no endpoint '/api/{api_name}'; available: {', '.join(sorted(endpoints)) or 'none'}")
    read = await _read(request, dep)
    if isinstance(read, Response):
        return read
    data, session_hash, keep = read
    if session_hash is not None:
        session = sessions.api_session(session_hash)
        if session is None:
            return _refuse(404, "unknown or ended session_hash; omit it to start a new session")
    else:
        session, _, _ = await sessions.start(blocks_request, None, page=False)
    ephemeral = session_hash is None and not keep
    await sessions.store.hold(session.id)  # a sweep must not drop it during the call
    try:
        outputs, error = await _call(sessions, session, dep, data, blocks_request)
    except (ProtocolError, InvalidValueError, BlocksError) as exc:
        return _refuse(422, str(exc))
    except QueueFull as exc:
        return _refuse(503, str(exc))
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
                blocks_request: BlocksRequest) -> tuple[list[Any], dict[str, Any] | None]:
    """The listener's outputs (a generator's last values) and its last error, if any."""
    result: dict[int, Any] = {}
    errors: list[dict[str, Any]] = []

    async def on_step(step: Step) -> None:
        if step.dependency is dep:
            result.update(step.outputs)
            errors.extend([step.error] if step.error else [])

    ticket = sessions.queue.ticket()  # QueueFull when max_size events wait already

    async def run() -> None:
        await sessions.execute(session, None, on_step, start=[dep], api_data=data, request=blocks_request,
                               ticket=ticket)

    await sessions.call(session, run, [dep], ticket)
    outputs = [c.api_value(result.get(c.id)) for c in dep.outputs]  # type: ignore[arg-type]
    return outputs, errors[-1] if errors else None
