"""Buttons."""

from __future__ import annotations

from typing import Any

from ..component import DROP, Arg, Component
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
    ignored_args = frozenset({"every", "inputs", "preserved_by_key"})
    args = {"value": "Run", "variant": Arg("secondary", one_of=VARIANTS), "interactive": True, "min_width": None,
            "size": Arg("lg", one_of=SIZES), "icon": None, "link": None, "link_target": "_self",
            "label": DROP, "info": DROP, "show_label": DROP}

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def check_payload(self, payload: Any) -> str:
        if not isinstance(payload, str):
            raise self.bad_payload(payload, "a string")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}
