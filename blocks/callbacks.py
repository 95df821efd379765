"""How a listener's function is called: its parameters, gr.Request injection, sync vs async."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from .errors import BlocksError
from .request import EventData, Request


def _special_kind(param: inspect.Parameter) -> type | None:
    """Request or EventData when the parameter is annotated with one of them."""
    annotation = param.annotation
    if isinstance(annotation, str):  # `from __future__ import annotations`
        name = annotation.rsplit(".", 1)[-1]
        return {"Request": Request, "EventData": EventData}.get(name)
    if isinstance(annotation, type) and issubclass(annotation, (Request, EventData)):
        return Request if issubclass(annotation, Request) else EventData
    return None


class Callback:
    """A listener function, analysed once: which arguments come from inputs, which are injected."""

    def __init__(self, fn: Callable[..., Any], where: str, input_count: int):
        self.fn = fn
        self.name = getattr(fn, "__name__", type(fn).__name__)
        # A callable object with `async def __call__` is async too.
        self.is_async = inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(type(fn).__call__)
        self.is_generator = inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
        self.specials: list[tuple[int, type]] = []
        self._check(where, input_count)

    def _check(self, where: str, input_count: int) -> None:
        try:
            params = list(inspect.signature(self.fn).parameters.values())
        except (TypeError, ValueError):  # builtins without a signature: trust the caller
            return
        positional = 0
        required = 0
        variadic = False
        for index, param in enumerate(params):
            kind = _special_kind(param)
            if kind is not None:
                self.specials.append((index, kind))
            elif param.kind == param.VAR_POSITIONAL:
                variadic = True
            elif param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
                positional += 1
                required += param.default is param.empty
            elif param.kind == param.KEYWORD_ONLY and param.default is param.empty:
                raise BlocksError(f"{where}: {self.name}() has a required keyword-only parameter "
                                  f"'{param.name}'; inputs are passed by position. Give it a default.")
        if input_count < required or (input_count > positional and not variadic):
            wanted = str(required) if required == positional else f"{required} to {positional}"
            raise BlocksError(
                f"{where}: {self.name}() takes {wanted} input parameter(s) but the listener has "
                f"{input_count} input(s). Make the function's parameters match `inputs`."
            )

    def arguments(self, inputs: list[Any], request: Request | None, event: EventData | None) -> list[Any]:
        """Positional arguments: inputs in order, with Request/EventData at their positions."""
        args = list(inputs)
        for index, kind in self.specials:
            args.insert(index, request if kind is Request else event)
        return args
