"""Text components: Textbox (input) and Markdown (display)."""

from __future__ import annotations

import functools
from typing import Any

from ..component import Component
from ..errors import BlocksError
from ..events import BLUR_DOC, CHANGE_DOC, FOCUS_DOC, INPUT_DOC, SUBMIT_DOC, EventListener

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


@functools.lru_cache(maxsize=1)
def _markdown_parser() -> Any:
    # Imported on first use so that `import blocks` stays fast.
    from markdown_it import MarkdownIt  # noqa: PLC0415

    # html=False escapes raw HTML in the source; markdown-it also refuses javascript: links.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"])


def render_markdown(text: str) -> str:
    """Markdown source -> safe HTML."""
    return _markdown_parser().render(text)


class Markdown(Component):
    """Formatted text from Markdown, rendered to HTML on the server (raw HTML is escaped)."""

    renderer = "markdown"
    takes_input = False
    change = EventListener("change", CHANGE_DOC)
    prop_names = Component.prop_names + ("rtl", "height")
    ignored_args = _COMMON_IGNORED | {"latex_delimiters", "sanitize_html", "line_breaks", "header_links",
                                      "max_height", "min_height", "show_copy_button", "padding", "buttons"}

    def __init__(
        self,
        value: str | Any = "",
        *,
        label: str | None = None,
        show_label: bool | None = None,
        rtl: bool = False,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        height: int | str | None = None,
        min_width: int | None = None,
    ):
        self.rtl, self.height = rtl, height
        super().__init__(value, label=label, show_label=bool(show_label), interactive=False, visible=visible,
                         elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
                         min_width=min_width or 0)

    def postprocess(self, value: Any) -> dict[str, str]:
        text = "" if value is None else str(value)
        return {"text": text, "html": render_markdown(text)}

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
