"""Buttons."""

from __future__ import annotations

from typing import Any

from ..component import Component
from ..errors import BlocksError
from ..events import EventListener

VARIANTS = ("primary", "secondary", "stop", "huggingface")
SIZES = ("sm", "md", "lg")


class Button(Component):
    """A `<button>`; its value is its text.

    Args:
        variant: "primary", "secondary", "stop" or "huggingface".
        size: "sm", "md" or "lg".
        link: a URL opened when clicked.
    """

    renderer = "button"
    takes_input = False
    click = EventListener("click", "Fires when the user clicks the button.")
    prop_names = Component.prop_names + ("variant", "size", "link", "link_target", "icon")
    ignored_args = frozenset({"every", "inputs", "preserved_by_key"})

    def __init__(
        self,
        value: str | Any = "Run",
        *,
        variant: str = "secondary",
        visible: bool = True,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        scale: int | None = None,
        min_width: int | None = None,
        size: str = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: str = "_self",
    ):
        if variant not in VARIANTS:
            raise BlocksError(f"Button(variant={variant!r}): use one of {', '.join(VARIANTS)}.")
        if size not in SIZES:
            raise BlocksError(f"Button(size={size!r}): use one of {', '.join(SIZES)}.")
        self.variant, self.size, self.icon, self.link, self.link_target = variant, size, icon, link, link_target
        super().__init__(value, interactive=interactive, visible=visible, elem_id=elem_id,
                         elem_classes=elem_classes, render=render, key=key, scale=scale,
                         min_width=min_width or 0)

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def check_payload(self, payload: Any) -> str:
        if not isinstance(payload, str):
            raise self.bad_payload(payload, "a string")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}
