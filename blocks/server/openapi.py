"""/openapi.json: FastAPI's own OpenAPI document, with one `POST /api/<api_name>` per documented
(public) listener; request and response schemas come from the components' api_info()."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import Response

from ..component import Component
from .http_api import MAX_BODY

if TYPE_CHECKING:
    from ..events import Dependency

Handler = Callable[[Request, str], Awaitable[Response]]
_ERROR = {"type": "object", "required": ["error"],
          "properties": {"error": {"type": "string", "description": "what went wrong, and how to fix it"},
                         "title": {"type": "string"}, "session_hash": {"type": "string"}}}
_ERRORS = {
    400: "The body is not JSON, nests more than 64 levels deep, or was cut off; or the listener raised "
         "gr.Error (its message is in `error`).",
    403: "A page of another site (its Origin is not this host nor in BLOCKS_ALLOWED_ORIGINS).",
    404: "No such endpoint, or the session_hash is unknown or has ended.",
    413: f"The body is over {MAX_BODY:,} bytes.",
    422: "`data` does not fit the listener's inputs (count or values).",
    500: "The listener failed; the server log has the details.",
    503: "The queue is full; try again later.",
}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema.get("type")
    if kind is None:
        return schema if not schema else {"anyOf": [schema, {"type": "null"}]}
    kinds = kind if isinstance(kind, list) else [kind]
    return {**schema, "type": kinds if "null" in kinds else [*kinds, "null"]}


def _tuple(items: list[dict[str, Any]], description: str) -> dict[str, Any]:
    """A JSON array of exactly these items (JSON Schema 2020-12, as OpenAPI 3.1 uses)."""
    if not items:
        return {"type": "array", "maxItems": 0, "description": description}
    return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items),
            "description": description}


def request_schema(dep: "Dependency") -> dict[str, Any]:
    """The body `POST /api/<api_name>` takes: the listener's non-State inputs, in order."""
    inputs = [c for c in dep.inputs if not c.server_only]
    names = ", ".join(c.describe() for c in inputs) or "no inputs"
    return {"type": "object", "required": ["data"] if inputs else [], "properties": {
        "data": _tuple([{**c.api_input_info(), "title": c.describe()} for c in inputs], f"The inputs: {names}."),
        "session_hash": {"type": ["string", "null"], "description": "continue a session kept by an earlier call"},
        "keep_session": {"type": ["boolean", "null"], "description": "keep this call's session for later calls"},
    }}


def _output(block: Any) -> dict[str, Any]:
    if not isinstance(block, Component) or block.server_only:  # State and layouts: no value is sent
        return {"type": "null", "title": block.describe()}
    # null too: an output the listener left unchanged (gr.update() without a value, a dict without it).
    return {**_nullable(block.api_info()), "title": block.describe()}


def response_schema(dep: "Dependency") -> dict[str, Any]:
    """The 200 body: the listener's outputs, in order (State outputs and layouts as null)."""
    names = ", ".join(c.describe() for c in dep.outputs) or "no outputs"
    return {"type": "object", "required": ["data"], "properties": {
        "data": _tuple([_output(c) for c in dep.outputs], f"The outputs: {names}."),
        "session_hash": {"type": "string", "description": "present when the session is kept"},
    }}


def _responses(dep: "Dependency") -> dict[int | str, dict[str, Any]]:
    ok = {"description": "The listener's outputs.", "content": {"application/json": {"schema": response_schema(dep)}}}
    errors: dict[int | str, dict[str, Any]] = {
        status: {"description": text, "content": {"application/json": {"schema": _ERROR}}}
        for status, text in _ERRORS.items()}
    return {200: ok, **errors}


def _endpoint(api_name: str, handle: Handler) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return await handle(request, api_name)

    return endpoint


def add_endpoints(app: FastAPI, endpoints: dict[str, "Dependency"], handle: Handler) -> None:
    """One documented route per public listener; `handle(request, api_name)` serves it."""
    for api_name, dep in endpoints.items():
        if dep.api_visibility != "public":
            continue
        doc = inspect.getdoc(dep.callback.fn) if dep.callback else None
        app.add_api_route(
            f"/api/{api_name}", _endpoint(api_name, handle), methods=["POST"], operation_id=api_name,
            summary=f"{dep.where}: {dep.callback.name if dep.callback else 'listener'}",
            description=doc or None, responses=_responses(dep),
            openapi_extra={"requestBody": {"required": any(not c.server_only for c in dep.inputs), "content": {
                "application/json": {"schema": request_schema(dep)}}}},
        )
