"""Errors: each says what happened, the offending value, and how to fix it."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("blocks")


class BlocksError(Exception):
    """A mistake in app code, found as early as possible (usually while the tree is built)."""


class DuplicateBlockError(BlocksError):
    """A component was added to a tree twice."""


class InvalidValueError(BlocksError):
    """A value sent by a client or returned by a callback does not fit the component."""


class SignatureError(BlocksError):
    """A listener's function cannot take its inputs (warned when built, as Gradio does; each call
    fails with this, shown to the page in full)."""


# Gradio's public names that blocks does not have yet: using one (gr.Image, or the "image" shortcut
# of gr.Interface) is a BlocksError that says so, raised when the app is built.
NOT_YET = frozenset("""
Header List LoginButton OAuthProfile OAuthToken Server
Workflow WorkflowCanvas
deploy load
""".split())


def not_yet(name: str) -> BlocksError:
    """The error for gr.<name>, one of Gradio's public names that blocks does not have yet."""
    return BlocksError(f"gr.{name} is not supported by blocks yet; the README's component table lists "
                       f"what is, and what is coming.")


class ProtocolError(Exception):
    """A malformed message from a client; the message is sent back and nothing changes."""

    def __init__(self, message: str, close_code: int | None = None):
        super().__init__(message)
        self.close_code = close_code


class Error(Exception):
    """Raise inside a callback to show `message` to the user in a toast (gr.Error).

    Args:
        message: the text shown to the user.
        duration: seconds before the toast disappears; None keeps it until closed.
        visible: False logs the error without showing a toast.
        title: the toast's heading.
    """

    def __init__(
        self,
        message: str = "Error raised.",
        duration: float | None = 10,
        visible: bool = True,
        title: str = "Error",
        print_exception: bool = True,
    ):
        super().__init__(message)
        self.message = message
        self.duration = duration
        self.visible = visible
        self.title = title
        self.print_exception = print_exception


class ValidationFailed(Error):
    """A listener's validator refused its inputs: `failures` maps each refused input to its message."""

    def __init__(self, failures: dict[int, str]):
        super().__init__("\n".join(failures.values()), duration=None, title="Invalid input", print_exception=False)
        self.failures = failures


class Refused(Exception):
    """The server will not start what a client asked for now: a limit is reached.

    The message names the limit and what to do; `status` is the HTTP reply (429, 503),
    `close_code` the WebSocket close code, `retry_after` seconds until trying again may work.
    """

    def __init__(self, message: str, status: int, close_code: int, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.close_code = close_code
        self.retry_after = retry_after


class TimeLimitError(Exception):
    """A listener ran longer than its time_limit."""


def error_payload(dep: Any, exc: Exception, show_error: bool) -> dict[str, Any]:
    """What the page is told of a listener's failure: a user-facing gr.Error as raised, an app
    mistake (a wrong return value, a time limit) in full, a crash by name only unless show_error."""
    name = dep.callback.name if dep.callback else "listener"
    if isinstance(exc, Error):
        if exc.print_exception:
            log.warning("%s: %s raised gr.Error: %s", dep.where, name, exc.message)
        payload: dict[str, Any] = {"title": exc.title, "message": exc.message, "duration": exc.duration,
                                   "visible": exc.visible, "kind": "user"}
        if isinstance(exc, ValidationFailed):  # the page shows each message at its input
            payload.update(kind="validation", fields={str(cid): m for cid, m in exc.failures.items()})
        return payload
    if isinstance(exc, (InvalidValueError, SignatureError, TimeLimitError)):
        log.error("%s: %s", dep.where, exc)
        return {"title": "Error", "message": str(exc), "duration": None, "visible": True, "kind": "app"}
    log.error("%s: %s() raised %s", dep.where, name, type(exc).__name__, exc_info=exc)
    message = (f"{type(exc).__name__}: {exc}" if show_error
               else f"{name}() failed ({type(exc).__name__}). The server log has the details.")
    return {"title": "Error", "message": message, "duration": None, "visible": True, "kind": "crash"}
