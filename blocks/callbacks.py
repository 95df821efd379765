"""How a listener's function is called: its parameters, gr.Request injection, sync vs async."""

from __future__ import annotations

import inspect
import logging
import re
import typing
from collections.abc import Callable
from typing import Any

from . import tqdm_progress
from .errors import BlocksError, SignatureError
from .request import EVENT_DATA_CLASSES, EventData, Request

log = logging.getLogger("blocks")


def _special_kind(param: inspect.Parameter) -> type | None:
    """Request, or the EventData class, when the parameter is annotated with one (Optional too)."""
    annotation = param.annotation
    if isinstance(annotation, str):  # `from __future__ import annotations`: "gr.Request | None" ...
        names = [token.rsplit(".", 1)[-1] for token in re.findall(r"[A-Za-z_][\w.]*", annotation)]
        if "Request" in names:
            return Request
        return next((EVENT_DATA_CLASSES[n] for n in names if n in EVENT_DATA_CLASSES), None)
    for candidate in (annotation, *typing.get_args(annotation)):  # Optional[gr.Request], gr.Request | None
        if isinstance(candidate, type) and issubclass(candidate, (Request, EventData)):
            return Request if issubclass(candidate, Request) else candidate
    return None


class Callback:
    """A listener function, analysed once: which arguments come from inputs, which are injected."""

    def __init__(self, fn: Callable[..., Any], where: str, input_count: int):
        self.fn = fn
        self.name = getattr(fn, "__name__", type(fn).__name__)
        # A callable object with `async def __call__` is async too.
        self.is_async = inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(type(fn).__call__)
        self.is_generator = inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
        self.tracks_tqdm = tqdm_progress.tracks(fn)  # a gr.Progress(track_tqdm=True) default argument
        # How to call: ("input", name), ("special", name, kind, positional_only) or ("rest", name).
        self.plan: list[tuple[Any, ...]] | None = None
        self.mismatch: str | None = None  # set when the parameters cannot take `inputs`
        self._check(where, input_count)

    def _check(self, where: str, input_count: int) -> None:
        try:
            params = list(inspect.signature(self.fn).parameters.values())
        except (TypeError, ValueError):  # builtins without a signature: trust the caller
            return
        positional = 0
        required = 0
        variadic = False
        self.plan = []
        for param in params:
            kind = _special_kind(param)
            if kind is not None:
                self.plan.append(("special", param.name, kind, param.kind == param.POSITIONAL_ONLY))
            elif param.kind == param.VAR_POSITIONAL:
                variadic = True
                self.plan.append(("rest", param.name))
            elif param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
                positional += 1
                required += param.default is param.empty
                self.plan.append(("input", param.name))
            elif param.kind == param.KEYWORD_ONLY and param.default is param.empty:
                raise BlocksError(f"{where}: {self.name}() has a required keyword-only parameter "
                                  f"'{param.name}'; inputs are passed by position. Give it a default.")
        if input_count < required or (input_count > positional and not variadic):
            # Gradio builds such an app with a warning (fraud_detector is one); so do we, and each
            # call then fails with this message instead of running the function with the wrong inputs.
            wanted = str(required) if required == positional else f"{required} to {positional}"
            self.mismatch = (f"{where}: {self.name}() takes {wanted} input parameter(s) but the listener has "
                             f"{input_count} input(s). Make the function's parameters match `inputs`.")
            log.warning("%s Until then, each call of it fails with this message.", self.mismatch)

    def arguments(self, inputs: list[Any], request: Request | None,
                  event: EventData | None) -> tuple[list[Any], dict[str, Any]]:
        """(args, kwargs): inputs by position, Request/EventData where their parameters are.

        Once the inputs run out (parameters with defaults), injected values go by keyword, so
        `def f(a, b=1, request: gr.Request = None)` with one input gets request=, not b.
        """
        if self.mismatch:
            raise SignatureError(self.mismatch)
        if self.plan is None:
            return list(inputs), {}
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        pending = list(inputs)
        by_position = True
        for step in self.plan:
            if step[0] == "input":
                if pending and by_position:
                    args.append(pending.pop(0))
                else:
                    by_position = False
            elif step[0] == "rest":
                args.extend(pending)
                pending = []
            else:
                value = request if step[2] is Request else step[2].of(event)
                if by_position:
                    args.append(value)
                elif not step[3]:
                    kwargs[step[1]] = value
        return args, kwargs
