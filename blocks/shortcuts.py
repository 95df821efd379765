"""Gradio's component shortcuts: "text", "number", {"name": "dropdown", "choices": [...]} -> a component.

Interface and TabbedInterface take these where a component is expected; the names are Gradio's
class names in lower case. A shortcut for a component blocks has not built yet raises the same
BlocksError as using the class would (gr.Image, gr.Audio ...).
"""

from __future__ import annotations

import inspect
from typing import Any

from .component import Component
from .errors import NOT_YET as NOT_BUILT
from .errors import BlocksError, not_yet

# Every component gr exports, by its name in lower case, as Gradio looks them up ("plot",
# "imageeditor", "text", "mic" ...): filled once by the package (register), so a new exported
# component is a shortcut without being listed here.
SHORTCUTS: dict[str, type[Component]] = {}


def register(namespace: dict[str, Any], names: list[str]) -> None:
    """The package's exported components become shortcuts (blocks/__init__.py calls this)."""
    SHORTCUTS.update({name.lower(): value for name in names if inspect.isclass(value := namespace[name])
                      and issubclass(value, Component) and value is not Component})


def shortcuts() -> dict[str, type[Component]]:
    return SHORTCUTS


# The package's list of names not built yet, by shortcut name (one list: gr.Image and "image" agree).
NOT_YET = {name.lower(): name for name in NOT_BUILT if name[0].isupper()}


def component(spec: Any, where: str) -> Component:
    """The component `spec` names (a Component is returned as it is); `where` names the argument."""
    if isinstance(spec, Component):
        return spec.unrender() if spec.blocks is not None else spec  # type: ignore[return-value]
    if isinstance(spec, str):
        return _make(spec, {}, where)
    if isinstance(spec, dict) and isinstance(spec.get("name"), str):
        options = {k: v for k, v in spec.items() if k != "name"}
        return _make(spec["name"], options, where)
    raise BlocksError(f"{where}: {spec!r} is not a component; give a component (gr.Textbox()), the name of one "
                      f"(\"text\", \"number\", ...) or a dict with its name ({{\"name\": \"dropdown\", ...}}).")


def _make(name: str, options: dict[str, Any], where: str) -> Component:
    key = name.lower().replace("_", "")
    if key in NOT_YET:
        raise not_yet(NOT_YET[key])
    cls = shortcuts().get(key)
    if cls is None:
        raise BlocksError(f"{where}: {name!r} is not the name of a component; use one of "
                          f"{', '.join(repr(n) for n in sorted(shortcuts()))}, or pass a component.")
    return cls(**{"render": False, **options})


def components(specs: Any, where: str) -> list[Component]:
    """A list of components from None, one spec, or a list of specs."""
    if specs is None:
        return []
    items = list(specs) if isinstance(specs, (list, tuple)) else [specs]
    return [component(spec, f"{where}[{index}]" if len(items) > 1 else where) for index, spec in enumerate(items)]


__all__ = ["NOT_YET", "component", "components", "shortcuts"]
