"""gr.api: a function served by the HTTP API (and Gradio's clients) with no UI of its own.

As Gradio's: its inputs and output are the function's parameters and return value, described by
their type hints in /openapi.json. Each is an ApiValue, a component the page never shows, so the
call takes the one event path every listener takes (queue, concurrency limits, sessions).
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable
from typing import Any

from . import context
from .callbacks import _special_kind
from .components.display import JSON
from .errors import BlocksError
from .events import listen

_SCHEMAS: dict[Any, dict[str, Any]] = {int: {"type": "integer"}, float: {"type": "number"}, str: {"type": "string"},
                                       bool: {"type": "boolean"}, list: {"type": "array"}, tuple: {"type": "array"},
                                       dict: {"type": "object"}, type(None): {"type": "null"}}


def schema(hint: Any) -> dict[str, Any]:
    """The JSON schema of a type hint: int, str, list[int], dict[str, float], X | None ... ({} when unknown)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [schema(arg) for arg in typing.get_args(hint)]}
    if origin in (list, tuple, set, frozenset):
        items = [schema(arg) for arg in typing.get_args(hint) if arg is not Ellipsis]
        return {"type": "array", **({"items": items[0]} if len(items) == 1 else {})}
    if origin is dict:
        args = typing.get_args(hint)
        return {"type": "object", **({"additionalProperties": schema(args[1])} if len(args) == 2 else {})}
    return dict(_SCHEMAS.get(hint, {}))


_CHECKS: dict[str, Callable[[Any], bool]] = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list), "object": lambda v: isinstance(v, dict), "null": lambda v: v is None,
}


def fits(value: Any, value_schema: dict[str, Any]) -> bool:
    """Whether `value` has the type `value_schema` names (anyOf, items and additionalProperties too)."""
    if "anyOf" in value_schema:
        return any(fits(value, option) for option in value_schema["anyOf"])
    kind = value_schema.get("type")
    if kind is not None and not _CHECKS[kind](value):
        return False
    if kind == "array" and "items" in value_schema:
        return all(fits(item, value_schema["items"]) for item in value)
    if kind == "object" and "additionalProperties" in value_schema:
        return all(fits(item, value_schema["additionalProperties"]) for item in value.values())
    return True


class ApiValue(JSON):
    """One input or the output of a gr.api function: any JSON value, never shown on the page."""

    takes_input = True

    def __init__(self, label: str, value_schema: dict[str, Any]):
        super().__init__(label=label, visible=False)
        self.value_schema = value_schema

    def describe(self) -> str:
        return f"gr.api parameter '{self.label}'"  # type: ignore[attr-defined]

    def preprocess(self, payload: Any) -> Any:
        return payload

    def check_payload(self, payload: Any) -> Any:
        """An API caller's value, of the type the function's hint names (a clear 400 otherwise)."""
        if not fits(payload, self.value_schema):
            raise self.bad_payload(payload, f"a value of JSON schema {self.value_schema}")
        return payload

    def api_info(self) -> dict[str, Any]:
        return self.value_schema


def api(fn: Callable[..., Any] | str = "decorator", *, api_name: str | None = None, api_description: str | None = None,
        queue: bool = True, batch: bool = False, max_batch_size: int = 4, concurrency_limit: Any = "default",
        concurrency_id: str | None = None, api_visibility: str = "public", time_limit: float | None = None,
        stream_every: float = 0.5) -> Any:
    """Serve `fn` on the HTTP API only, as Gradio's gr.api (also a decorator): POST /api/<api_name>
    (the function's name by default) with {"data": [its arguments]}."""
    options = {k: v for k, v in {"api_name": api_name, "api_description": api_description, "queue": queue,
                                 "batch": batch or None, "max_batch_size": max_batch_size,
                                 "concurrency_limit": concurrency_limit, "concurrency_id": concurrency_id,
                                 "api_visibility": api_visibility, "time_limit": time_limit,
                                 "stream_every": stream_every}.items() if v is not None}
    if fn == "decorator":
        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            api(func, **options)  # type: ignore[arg-type]
            return func
        return decorate
    if not callable(fn):
        raise BlocksError(f"gr.api({fn!r}): give the function to serve, or use @gr.api as a decorator.")
    if context.current_blocks() is None:
        raise BlocksError("gr.api(): call it inside 'with gr.Blocks() as demo:'.")
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # noqa: BLE001 - hints that do not resolve describe nothing
        hints = {}
    parameters = [p for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and _special_kind(p) is None]
    inputs = [ApiValue(p.name, schema(hints.get(p.name, p.annotation))) for p in parameters]
    returns = hints.get("return", inspect.signature(fn).return_annotation)
    outputs = [] if returns is None or returns is type(None) else [ApiValue("output", schema(returns))]
    return listen([], fn, inputs, outputs, options)
