"""Text components: Textbox (input) and Markdown (display; rendering in markdown_render.py)."""

from __future__ import annotations

import inspect
import logging
from typing import Any

from ..component import DROP, Arg, Component
from ..events import BLUR_DOC, CHANGE_DOC, FOCUS_DOC, INPUT_DOC, SUBMIT_DOC, EventListener
from .markdown_render import DEFAULT_LATEX_DELIMITERS, render_markdown

log = logging.getLogger("blocks")

_COMMON_IGNORED = frozenset({"container", "preserved_by_key"})


def _delimiters(block: Any, delimiters: Any) -> list[dict[str, Any]]:
    return list(DEFAULT_LATEX_DELIMITERS if delimiters is None else delimiters)


class Textbox(Component, renderer="textbox"):
    """A one-line `<input>` or a multi-line `<textarea>` holding a string.

    Args:
        lines: visible lines; more than 1 makes a textarea.
        type: "text", "password" (characters hidden) or "email".
        placeholder: hint shown while empty.
        max_length: longest accepted value, in characters.
    """

    default_label = "Textbox"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    submit = EventListener("submit", SUBMIT_DOC)
    focus = EventListener("focus", FOCUS_DOC)
    blur = EventListener("blur", BLUR_DOC)
    key_up = EventListener("key_up", "Fires when the user releases a key in the box (gr.KeyUpData: key, input_value).")
    ignored_args = _COMMON_IGNORED
    args = {**{name: Arg(default, unhonoured=f"not supported yet: {why}") for name, default, why in (
                ("autoscroll", True, "the box does not follow a growing value"),
                ("show_copy_button", False, "there is no copy button"), ("buttons", None, "there is no copy button"),
                ("submit_btn", False, "there is no submit button (Enter still submits)"),
                ("stop_btn", False, "there is no stop button"), ("html_attributes", None, "they are not applied"))},
            "value": Arg("", convert=lambda block, value: "" if value is None else value),
            "type": Arg("text", one_of=("text", "password", "email")), "lines": 1, "max_lines": 20,
            "placeholder": None, "autofocus": False, "text_align": None, "rtl": False, "max_length": None}

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def check_payload(self, payload: Any) -> str:
        if not isinstance(payload, str):
            raise self.bad_payload(payload, "a string")
        if self.max_length is not None and len(payload) > self.max_length:
            raise self.bad_payload(payload, f"at most {self.max_length} characters")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def api_input_info(self) -> dict[str, Any]:
        return {"type": "string", **({"maxLength": self.max_length} if self.max_length is not None else {})}




class Markdown(Component, renderer="markdown"):
    """Formatted text from Markdown, rendered to HTML on the server.

    Args:
        value: Markdown source; dedented first, so an indented triple-quoted string is not a code block.
        sanitize_html: keep safe raw HTML (links, emphasis, images, tables), drop scripts and event
            handlers; False keeps raw HTML as written.
        latex_delimiters: formulas rendered as MathML, e.g. [{"left": "$", "right": "$", "display": False}];
            default $$...$$ (display); [] for none.
        line_breaks: a single newline is a line break.
        header_links: headings get an id and link to themselves.
        rtl: right-to-left text.
    """

    takes_input = False
    change = EventListener("change", CHANGE_DOC)
    ignored_args = frozenset({"preserved_by_key"})
    args = {"value": "", "show_label": Arg(None, convert=lambda block, shown: bool(shown)),
            "info": DROP, "interactive": DROP, "min_width": Arg(None, convert=lambda block, width: width or 0),
            "rtl": False, "height": None, "max_height": None, "min_height": None,
            "latex_delimiters": Arg(None, prop=False, convert=_delimiters),
            "sanitize_html": Arg(True, prop=False), "line_breaks": Arg(False, prop=False),
            "header_links": Arg(False, prop=False),
            **{name: Arg(default, unhonoured="not supported yet: it changes nothing")
               for name, default in (("show_copy_button", False),
                                     ("buttons", None), ("container", False), ("padding", False))}}

    def setup(self) -> None:
        self.interactive = False

    def postprocess(self, value: Any) -> dict[str, str]:
        text = inspect.cleandoc("" if value is None else str(value))
        html = render_markdown(text, sanitize_html=self.sanitize_html, latex_delimiters=self.latex_delimiters,
                               line_breaks=self.line_breaks, header_links=self.header_links)
        return {"text": text, "html": html}

    def preprocess(self, payload: Any) -> str:
        return payload["text"] if isinstance(payload, dict) else ""

    def check_payload(self, payload: Any) -> dict[str, str]:
        # Pages cannot send Markdown values (takes_input is False); API callers send the text.
        if not isinstance(payload, str):
            raise self.bad_payload(payload, "a string")
        return self.postprocess(payload)

    def api_value(self, payload: Any) -> str:
        return self.preprocess(payload)

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}
