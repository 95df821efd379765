"""Text components: Textbox (input) and Markdown (display; rendering in markdown_render.py)."""

from __future__ import annotations

import inspect
import logging
from typing import Any

from ..component import Component
from ..errors import BlocksError
from ..events import BLUR_DOC, CHANGE_DOC, FOCUS_DOC, INPUT_DOC, SUBMIT_DOC, EventListener
from .markdown_render import DEFAULT_LATEX_DELIMITERS, render_markdown

log = logging.getLogger("blocks")

_COMMON_IGNORED = frozenset({"every", "inputs", "container", "preserved_by_key"})


class Textbox(Component):
    """A one-line `<input>` or a multi-line `<textarea>` holding a string.

    Args:
        lines: visible lines; more than 1 makes a textarea.
        type: "text", "password" (characters hidden) or "email".
        placeholder: hint shown while empty.
        max_length: longest accepted value, in characters.
    """

    renderer = "textbox"
    default_label = "Textbox"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    submit = EventListener("submit", SUBMIT_DOC)
    focus = EventListener("focus", FOCUS_DOC)
    blur = EventListener("blur", BLUR_DOC)
    prop_names = Component.prop_names + ("placeholder", "lines", "max_lines", "type", "max_length",
                                         "autofocus", "rtl", "text_align")
    ignored_args = _COMMON_IGNORED | {"autoscroll", "show_copy_button", "submit_btn", "stop_btn",
                                      "buttons", "html_attributes"}

    def __init__(
        self,
        value: str | Any = None,
        *,
        type: str = "text",
        lines: int = 1,
        max_lines: int | None = 20,
        placeholder: str | None = None,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        autofocus: bool = False,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        text_align: str | None = None,
        rtl: bool = False,
        max_length: int | None = None,
    ):
        if type not in ("text", "password", "email"):
            raise BlocksError(f"Textbox(type={type!r}): use 'text', 'password' or 'email'.")
        self.type, self.lines, self.max_lines = type, lines, max_lines
        self.placeholder, self.autofocus, self.max_length = placeholder, autofocus, max_length
        self.text_align, self.rtl = text_align, rtl
        super().__init__("" if value is None else value, label=label, info=info, show_label=show_label,
                         interactive=interactive, visible=visible, elem_id=elem_id,
                         elem_classes=elem_classes, render=render, key=key, scale=scale, min_width=min_width)

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




class Markdown(Component):
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

    renderer = "markdown"
    takes_input = False
    change = EventListener("change", CHANGE_DOC)
    prop_names = Component.prop_names + ("rtl", "height", "max_height", "min_height")
    ignored_args = frozenset({"preserved_by_key"})
    unhonoured = {name: "not supported yet: it changes nothing"
                  for name in ("every", "inputs", "show_copy_button", "buttons", "container", "padding")}

    def __init__(
        self,
        value: str | Any = "",
        *,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        rtl: bool = False,
        latex_delimiters: list[dict[str, Any]] | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        sanitize_html: bool = True,
        line_breaks: bool = False,
        header_links: bool = False,
        height: int | str | None = None,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        show_copy_button: bool = False,
        buttons: list[str] | None = None,
        container: bool = False,
        padding: bool = False,
        min_width: int | None = None,
    ):
        self.rtl, self.height, self.max_height, self.min_height = rtl, height, max_height, min_height
        self.sanitize_html, self.line_breaks, self.header_links = sanitize_html, line_breaks, header_links
        self.latex_delimiters = list(DEFAULT_LATEX_DELIMITERS if latex_delimiters is None else latex_delimiters)
        super().__init__(value, label=label, show_label=bool(show_label), interactive=False, visible=visible,
                         elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
                         min_width=min_width or 0)

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
