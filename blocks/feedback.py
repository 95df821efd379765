"""gr.Info, gr.Warning, gr.Success, gr.Progress, gr.skip and gr.validate: what a running callback
(or a listener's validator) tells the user without failing."""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Iterable
from typing import Any

log = logging.getLogger("blocks")
# The toasts of the listener running in this context (set by the dispatcher around each call;
# worker threads get a copy of the context, so sync callbacks see it too).
collecting: contextvars.ContextVar[list[dict[str, Any]] | None] = contextvars.ContextVar(
    "blocks_toasts", default=None)


def _show(level: str, message: str, duration: float | None, visible: bool, title: str) -> None:
    sink = collecting.get()
    if sink is None:
        log.warning("gr.%s(%r) called outside a listener: there is no page to show it on", level.title(), message)
    elif visible:
        sink.append({"type": "toast", "level": level, "title": title, "message": message, "duration": duration})


def Info(message: str = "Info issued.", duration: float | None = 10, visible: bool = True,  # noqa: N802
         title: str = "Info") -> None:
    """Show `message` in an info toast; the listener goes on."""
    _show("info", message, duration, visible, title)


def Warning(message: str = "Warning issued.", duration: float | None = 10, visible: bool = True,  # noqa: N802, A001
            title: str = "Warning") -> None:
    """Show `message` in a warning toast; the listener goes on."""
    _show("warning", message, duration, visible, title)


def Success(message: str = "Success.", duration: float | None = 10, visible: bool = True,  # noqa: N802
            title: str = "Success") -> None:
    """Show `message` in a success toast; the listener goes on."""
    _show("success", message, duration, visible, title)


def skip() -> dict[str, Any]:
    """Returned for an output (alone or in the tuple of outputs): leave that output as it is."""
    return {"__type__": "update"}


def validate(is_valid: bool, message: str) -> dict[str, Any]:
    """What a listener's `validator=` returns per input: whether it is valid and what to tell the user."""
    return {"__type__": "validate", "is_valid": bool(is_valid), "message": str(message)}


class Progress:
    """A listener's default argument (`progress=gr.Progress()`): `progress(0.5, desc="Halfway")`,
    `progress((3, 10))` or `progress.tqdm(items)` draw a bar with its description and percentage
    over the listener's outputs (a "progress" frame to the page)."""

    def __init__(self, track_tqdm: bool = False):
        """`track_tqdm=True`: tqdm loops inside the listener move the bar too (tqdm_progress.py)."""
        self.track_tqdm = track_tqdm

    def __call__(self, progress: Any = None, desc: str | None = None, total: int | None = None,
                 unit: str = "steps") -> "Progress":
        if isinstance(progress, tuple) and len(progress) == 2:
            index, total = progress
        elif isinstance(progress, int) and not isinstance(progress, bool) and total:
            index = progress
        else:
            index = None
        if index is not None:
            fraction = index / total if total else None  # (3, None): a count with no end known
        else:
            fraction = None if progress is None else float(progress)
        send = reporting.get()
        if send is None:
            log.warning("gr.Progress called outside a listener: there is no page to show it on")
        else:
            send({"type": "progress", "progress": None if fraction is None else min(max(fraction, 0.0), 1.0),
                  "desc": desc, "index": index, "total": total, "unit": unit})
        return self

    def tqdm(self, iterable: Iterable[Any], desc: str | None = None, total: int | None = None,
             unit: str = "steps", **kwargs: Any) -> Iterable[Any]:
        """Each item of `iterable` as it comes, moving the bar one step per item."""
        if total is None:
            total = len(iterable) if hasattr(iterable, "__len__") else None  # type: ignore[arg-type]
        for index, item in enumerate(iterable):
            self((index, total) if total else None, desc=desc, unit=unit)
            yield item
        if total:
            self((total, total), desc=desc, unit=unit)


# Where gr.Progress reports in this context: set by the server around each page event.
reporting: contextvars.ContextVar[Callable[[dict[str, Any]], None] | None] = contextvars.ContextVar(
    "blocks_progress", default=None)
