"""gr.Progress(track_tqdm=True): the app's own tqdm loops drive the progress bar of the listener
they run in, as Gradio's do.

tqdm is not a dependency: it is patched only while a listener asking for it runs, and only if
tqdm is installed. The patch is shared (tqdm is one class for the whole process) and counted:
the first such run installs it, the last one to end restores tqdm. A patched tqdm reports only
in a context where a tracking listener runs (`_tracking`, copied into its worker thread), to
that listener's page (`feedback.reporting`): two sessions' loops never cross, and tqdm loops
elsewhere (another listener, a background thread) behave as before.
"""

from __future__ import annotations

import contextvars
import importlib
import importlib.util
import inspect
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

from . import feedback

REPORT_EVERY = 0.1  # seconds between two frames of one tqdm bar (its last step is always sent)

_tracking: contextvars.ContextVar[bool] = contextvars.ContextVar("blocks_track_tqdm", default=False)
_lock = threading.Lock()
_users = 0
_originals: dict[str, Any] = {}


def tracks(fn: Any) -> bool:
    """Whether a listener's function has a `gr.Progress(track_tqdm=True)` default argument."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):  # builtins without a signature
        return False
    return any(isinstance(p.default, feedback.Progress) and p.default.track_tqdm for p in params)


def start(wanted: bool) -> contextvars.Token[bool] | None:
    """Around one run of a listener: patch tqdm (if `wanted` and installed) and report its bars."""
    if not wanted or not _install():
        return None
    return _tracking.set(True)


def stop(token: contextvars.Token[bool] | None) -> None:
    """The run ended: stop reporting; the last run to end restores tqdm."""
    global _users
    if token is None:
        return
    _tracking.reset(token)
    with _lock:
        _users -= 1
        if _users == 0:
            cls = _tqdm_class()
            for name, method in _originals.items():
                setattr(cls, name, method)
            _originals.clear()


def _tqdm_class() -> Any:
    return sys.modules["tqdm.std"].tqdm


def _install() -> bool:
    global _users
    if "tqdm" not in sys.modules and importlib.util.find_spec("tqdm") is None:
        return False
    importlib.import_module("tqdm")  # the listener may import it itself once it runs
    with _lock:
        if _users == 0:
            cls = _tqdm_class()
            _originals.update(__iter__=cls.__iter__, update=cls.update)
            cls.__iter__, cls.update = _iterate, _update
        _users += 1
    return True


def _iterate(bar: Any) -> Iterator[Any]:
    """tqdm.__iter__, reporting each step first (tqdm itself counts lazily)."""
    items = _originals["__iter__"](bar) if _originals else type(bar).__iter__(bar)
    if not _tracking.get():
        yield from items
        return
    done = bar.n
    for item in items:
        _report(bar, done)
        yield item
        done += 1
    _report(bar, done, last=True)


def _update(bar: Any, n: float | None = 1) -> Any:
    """tqdm.update, reported."""
    shown = _originals["update"](bar, n) if _originals else type(bar).update(bar, n)
    if _tracking.get():
        _report(bar, bar.n, last=bar.total is not None and bar.n >= bar.total)
    return shown


def _report(bar: Any, index: float, last: bool = False) -> None:
    if feedback.reporting.get() is None:  # an API call: no page to draw on
        return
    now = time.monotonic()
    if not last and index and now - getattr(bar, "_blocks_reported", 0.0) < REPORT_EVERY:
        return
    bar._blocks_reported = now
    total = int(bar.total) if bar.total else None
    feedback.Progress()((int(index), total), desc=bar.desc.rstrip(": ") or None, unit=bar.unit)
