"""Session state (gr.State) and browser state (gr.BrowserState), and how changes are seen."""

from __future__ import annotations

import copy
import hashlib
import math
from typing import Any, ClassVar

import orjson

from .component import DROP, Arg, Component
from .errors import BlocksError
from .events import EventListener


def _same(old: Any, new: Any) -> bool:
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    if isinstance(old, (list, tuple)):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new))
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, float) and math.isnan(old):
        return math.isnan(new)
    cls = type(old)
    if cls.__eq__ is not object.__eq__:
        result = old == new
        if isinstance(result, bool):
            return result
        try:  # array-likes compare element-wise
            return bool(result.all())
        except (AttributeError, TypeError, ValueError):
            return False
    if cls.__hash__ is not object.__hash__ and cls.__hash__ is not None:
        return hash(old) == hash(new)  # what the guide promises for custom classes
    if hasattr(old, "__dict__"):
        return _same(vars(old), vars(new))
    slots = [s for k in cls.__mro__ for s in getattr(k, "__slots__", ())]
    return bool(slots) and all(_same(getattr(old, s, None), getattr(new, s, None)) for s in slots)


_PLAIN = (str, int, bool, bytes, type(None))


def values_differ(old: Any, new: Any) -> bool:
    """Deep comparison: True when `new` differs from `old` anywhere inside."""
    if type(old) is type(new) and type(old) in _PLAIN:  # the common case, on every event
        return old != new
    try:
        return not _same(old, new)
    except RecursionError:
        return True


class State(Component):
    """A per-session value kept on the server, invisible on the page.

    Each session starts with a deep copy of `value` (or the result of calling it).
    `.change` fires after a listener changes the value, in place or by returning it.

    Args:
        time_to_live: accepted for compatibility; session expiry (delete_cache) governs lifetime.
        delete_callback: called with the last value when the session's state is dropped.
    """

    change = EventListener("change", "Fires after a listener changes the value (compared deeply).")
    server_only = True
    args = {"value": None, "time_to_live": Arg(None, prop=False), "delete_callback": Arg(None, prop=False),
            **{name: DROP for name in ("label", "info", "show_label", "interactive", "scale", "min_width",
                                       "visible", "elem_id", "elem_classes", "every", "inputs")}}
    positional: ClassVar[tuple[str, ...]] = ("value", "render")
    # A deep link keeps no State; a State that mirrors a component (ChatInterface's history, its Chatbot)
    # names it here, and a session opened from a link starts with that component's restored value,
    # preprocessed as a listener would get it (deep_link.restore).
    deep_link_source: Any = None

    def setup(self) -> None:
        self.visible, self.elem_id = False, None
        self.elem_classes: list[str] = []
        if not callable(self.value):
            try:
                copy.deepcopy(self.value)
            except Exception as exc:  # noqa: BLE001 - any failure means "cannot be copied"
                raise BlocksError(
                    f"gr.State({type(self.value).__name__}): the value cannot be deep-copied ({exc}). "
                    f"Keep such objects in a global dict keyed by request.session_hash instead."
                ) from None

    def initial_value(self) -> Any:
        return self.value() if callable(self.value) else copy.deepcopy(self.value)

    def postprocess(self, value: Any) -> Any:
        return value


class BrowserState(State):
    """A per-browser value kept in localStorage, encrypted and authenticated by the server.

    Args:
        default_value: the value when nothing (or nothing readable) is stored; must be JSON.
        storage_key: the localStorage key; by default derived from the app and component.
        secret: the key material; by default a server-side key that survives restarts.
    """

    args = {"default_value": Arg(None, prop=False), "storage_key": Arg(None, prop=False),
            "secret": Arg(None, prop=False), "value": DROP, "time_to_live": DROP, "delete_callback": DROP}
    positional: ClassVar[tuple[str, ...]] = ("default_value",)

    def setup(self) -> None:
        try:
            orjson.dumps(self.default_value)
        except TypeError as exc:
            raise BlocksError(f"gr.BrowserState({self.default_value!r}): the value must be JSON ({exc}).") from None
        self.value, self.time_to_live, self.delete_callback = self.default_value, None, None
        super().setup()

    def resolved_storage_key(self, app_title: str) -> str:
        """The localStorage key: stable across restarts so that values survive them."""
        if self.storage_key:
            return self.storage_key
        seed = f"{app_title}:{self.id}:{orjson.dumps(self.value).decode()}".encode()
        return "blocks_state_" + hashlib.sha256(seed).hexdigest()[:16]
