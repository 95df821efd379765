"""Text components: Textbox (input) and Markdown (display; rendering in markdown_render.py)."""

from __future__ import annotations

import inspect
import logging
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

from .. import component
from ..component import DROP, Arg, Component
from ..errors import BlocksError
from ..events import BLUR_DOC, CHANGE_DOC, FOCUS_DOC, INPUT_DOC, SUBMIT_DOC, EventListener
from .markdown_render import DEFAULT_LATEX_DELIMITERS, render_markdown

log = logging.getLogger("blocks")



def _delimiters(block: Any, delimiters: Any) -> list[dict[str, Any]]:
    return list(DEFAULT_LATEX_DELIMITERS if delimiters is None else delimiters)


@dataclass
class InputHTMLAttributes:
    """HTML attributes applied to a Textbox's `<input>`/`<textarea>` (None leaves one unset)."""

    autocapitalize: Literal["off", "none", "on", "sentences", "words", "characters"] | None = None
    autocorrect: Literal["on", "off"] | None = None
    spellcheck: bool | None = None
    autocomplete: str | None = None
    tabindex: int | None = None
    enterkeyhint: Literal["enter", "done", "go", "next", "previous", "search", "send"] | None = None
    lang: str | None = None


_HTML_ATTRIBUTES = tuple(f.name for f in fields(InputHTMLAttributes))


def _html_attributes(block: Any, given: Any) -> dict[str, Any] | None:
    """The attributes that are set, as a dict; a dict is accepted as Gradio does, its keys checked."""
    if given is None:
        return None
    where = f"{type(block).__name__}(html_attributes=...)"
    if isinstance(given, InputHTMLAttributes):
        given = asdict(given)
    if not isinstance(given, dict):
        raise BlocksError(f"{where}: expected gr.InputHTMLAttributes(...) or a dict, got {given!r}.")
    unknown = sorted(set(given) - set(_HTML_ATTRIBUTES))
    if unknown:
        raise BlocksError(f"{where}: unknown attribute {unknown[0]!r}; use one of {', '.join(_HTML_ATTRIBUTES)}.")
    return {name: value for name, value in given.items() if value is not None}


def _buttons(block: Any, given: Any) -> list[str]:
    """Gradio's `buttons=["copy"]`; custom gr.Button entries are not shown yet (one warning)."""
    if given is None:
        return []
    if isinstance(given, str) or not isinstance(given, (list, tuple)):
        raise BlocksError(f"{type(block).__name__}(buttons={given!r}): use a list, e.g. buttons=[\"copy\"].")
    shown = []
    for item in given:
        if item == "copy":
            shown.append(item)
        elif isinstance(item, Component):
            if (type(block).__name__, "buttons") not in component._warned:
                component._warned.add((type(block).__name__, "buttons"))
                log.warning("gr.%s(buttons=[gr.Button(...)]) is accepted but not supported yet: custom buttons "
                            "are not shown.", type(block).__name__)
        else:
            raise BlocksError(f"{type(block).__name__}(buttons=[{item!r}]): use \"copy\" or a gr.Button.")
    return shown


def _button_label(block: Any, given: Any) -> str | bool:
    if given is None or isinstance(given, (bool, str)):
        return given or False
    raise BlocksError(f"{type(block).__name__}: submit_btn and stop_btn take True, False or a label, "
                      f"got {given!r}.")


class Textbox(Component, renderer="textbox"):
    """A one-line `<input>` or a multi-line `<textarea>` holding a string.

    Args:
        lines: visible lines; more than 1 makes a textarea, which grows with its content up to
            max_lines (default 20) and then scrolls.
        type: "text", "password" (characters hidden) or "email".
        placeholder: hint shown while empty.
        max_length: longest accepted value, in characters.
        autoscroll: scroll to the end when a listener updates the value (streaming).
        buttons: ["copy"] adds a Copy button (fires `.copy` with gr.CopyData).
        submit_btn: True (an icon named "Submit") or a label: a button that submits as Enter does.
        stop_btn: True (an icon named "Stop") or a label: a button that fires `.stop`; wire it with
            `box.stop(None, None, None, cancels=[submit_event])`, as in Gradio.
        html_attributes: gr.InputHTMLAttributes(...) applied to the input.
    """

    default_label = "Textbox"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    submit = EventListener("submit", SUBMIT_DOC + " or clicks the submit button (submit_btn).")
    focus = EventListener("focus", FOCUS_DOC)
    blur = EventListener("blur", BLUR_DOC)
    stop = EventListener("stop", "Fires when the user clicks the stop button (stop_btn).")
    copy = EventListener("copy", "Fires when the user clicks the Copy button (gr.CopyData: value).")
    key_up = EventListener("key_up", "Fires when the user releases a key in the box (gr.KeyUpData: key, input_value).")
    args = {"value": Arg("", convert=lambda block, value: "" if value is None else value),
            "type": Arg("text", one_of=("text", "password", "email")), "lines": 1, "max_lines": None,
            "placeholder": None, "autofocus": False, "text_align": None, "rtl": False, "max_length": None,
            "autoscroll": True, "buttons": Arg(None, convert=_buttons),
            "submit_btn": Arg(False, convert=_button_label), "stop_btn": Arg(False, convert=_button_label),
            "html_attributes": Arg(None, convert=_html_attributes)}

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


class TextArea(Textbox):
    """Gradio's template: a Textbox of 7 lines (growing to max_lines)."""

    args = {"lines": 7, "max_lines": 20}


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
        buttons: ["copy"] adds a Copy button (the Markdown source; fires `.copy` with gr.CopyData).
    """

    takes_input = False
    change = EventListener("change", CHANGE_DOC)
    copy = EventListener("copy", "Fires when the user clicks the Copy button (gr.CopyData: value, the Markdown "
                                 "source).")
    viewer_events = frozenset({"copy"})  # a Markdown is never interactive, its Copy button still fires
    args = {"value": "", "show_label": Arg(None, convert=lambda block, shown: bool(shown)),
            "info": DROP, "interactive": DROP, "min_width": Arg(None, convert=lambda block, width: width or 0),
            "rtl": False, "height": None, "max_height": None, "min_height": None,
            "latex_delimiters": Arg(None, prop=False, convert=_delimiters),
            "sanitize_html": Arg(True, prop=False), "line_breaks": Arg(False, prop=False),
            "header_links": Arg(False, prop=False), "buttons": Arg(None, convert=_buttons),
            "show_copy_button": Arg(False, prop=False),  # Gradio 5's name for buttons=["copy"]
            "padding": Arg(False, unhonoured="not supported yet: it changes nothing"),
            "container": False}

    buttons: list[str]
    show_copy_button: bool

    def setup(self) -> None:
        self.interactive = False
        if self.show_copy_button and "copy" not in self.buttons:
            self.buttons = [*self.buttons, "copy"]

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
