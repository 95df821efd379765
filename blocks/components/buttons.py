"""Buttons."""

from __future__ import annotations

import json
import os
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


class ClearButton(Button):
    """A Button that clears `components` when clicked: each goes back to its empty value ("" for a
    Textbox, None for a Number, [] for a CheckboxGroup...) and a gr.State to its initial value, through
    an ordinary click listener, so their change events fire.

    Args:
        components: the component or list of components to clear; `.add()` appends more.
    """

    clears = True  # its listener's outputs stay editable (Blocks.interactive)
    args = {"components": Arg(None, prop=False), "value": "Clear"}
    positional = ("components", "value")

    def setup(self) -> None:
        given = self.components
        self.components: list[Component] = []
        self._pending: list[Component] = []
        self.add(given)

    def render(self) -> "ClearButton":
        super().render()
        if self.blocks is not None and self._pending:
            pending, self._pending = self._pending, []
            self._listen(pending)
        return self

    def add(self, components: Component | list[Component] | None) -> "ClearButton":
        """Also clear `components` when clicked."""
        new = [] if components is None else list(components) if isinstance(components, (list, tuple, set)) \
            else [components]
        self.components += new
        if self.blocks is None:
            self._pending += new
        elif new:
            self._listen(new)
        return self

    def _listen(self, targets: list[Component]) -> None:
        def cleared() -> Any:
            values = [t.initial_value() if t.server_only else None for t in targets]
            return values[0] if len(values) == 1 else tuple(values)

        self.click(cleared, None, targets, api_visibility="undocumented", queue=False)


class DuplicateButton(Button):
    """Gradio's "Duplicate Space" button: on a Hugging Face Space (SYSTEM=spaces, SPACE_ID set when the
    button is made inside a Blocks) a click opens the Space's duplicate page in a new tab; elsewhere it is
    shown and does nothing, as in Gradio."""

    args = {"value": "Duplicate Space", "variant": Arg("huggingface", one_of=VARIANTS),
            "size": Arg("sm", one_of=SIZES), "scale": 0, "_activate": Arg(True, prop=False)}
    _activate: bool

    def render(self) -> "DuplicateButton":
        super().render()
        if self._activate and self.blocks is not None:
            self._activate = False  # once, even if rendered again
            self.activate()
        return self

    def activate(self) -> None:
        """Open the duplicate page on click, when running on a Space."""
        space = os.environ.get("SPACE_ID") if os.environ.get("SYSTEM") == "spaces" else None
        if space is not None:
            url = f"https://huggingface.co/spaces/{space}?duplicate=true"
            self.click(None, js=f"() => {{ window.open({json.dumps(url)}, '_blank'); }}")


class DeepLinkButton(Button, renderer="deeplinkbutton"):
    """Gradio's "Share via Link" button: a click keeps what the page shows (every component's value and
    prop updates, not gr.State) on the server under an unguessable id, copies the page's URL with
    `?deep_link=<id>` and shows `copied_value` for a moment; that URL opens a new session showing it.

    Args:
        copied_value: the button's text for a moment after the link is copied.
    """

    args = {"value": "Share via Link", "copied_value": "Link Copied!",
            "icon": Arg(None, unhonoured="not supported yet: the button shows its own link icon"),
            "link": Arg(None, unhonoured="ignored: a DeepLinkButton copies a link, it opens none"),
            "link_target": Arg("_self", unhonoured="ignored: a DeepLinkButton opens no link")}
    positional = ("value", "copied_value")

    def activate(self) -> None:
        """Gradio's name for attaching the copy on click; here the page does it, so nothing to attach."""
