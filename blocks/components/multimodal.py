"""gr.MultimodalTextbox: a message box with files attached ({"text": str, "files": [paths]})."""

from __future__ import annotations

from typing import Any

from ..component import Arg, Component
from ..events import BLUR_DOC, CHANGE_DOC, FOCUS_DOC, INPUT_DOC, SUBMIT_DOC, EventListener
from ..files import FileRules
from ..files.values import from_payload, to_payload
from ..limits import short_repr
from .files import COUNTS, _file_types
from .text import _button_label, _html_attributes

SOURCES = ("upload", "microphone")


def _sources(block: Any, given: Any) -> list[str]:
    chosen = ["upload"] if given is None else ([given] if isinstance(given, str) else list(given))
    unknown = [s for s in chosen if s not in SOURCES]
    if unknown:
        from ..errors import BlocksError  # noqa: PLC0415

        raise BlocksError(f"MultimodalTextbox(sources={given!r}): use 'upload' and/or 'microphone'.")
    if "microphone" in chosen:
        block.warn_once("sources", "not supported yet: there is no microphone recording, only uploads")
    return chosen


class MultimodalTextbox(Component, renderer="multimodaltextbox"):
    """A text box with an attach button: the user writes a message and uploads files (POST /upload).

    The callback gets {"text": str, "files": [paths]}; it may set {"text": ..., "files": [...]}, a
    string, or None (empty). Enter (Shift+Enter in a multi-line box) or the submit button submits.
    """

    default_label = "Multimodal Textbox"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    select = EventListener("select", "Fires when the user selects text in the box (gr.SelectData).")
    submit = EventListener("submit", SUBMIT_DOC + " or clicks the submit button (submit_btn).")
    focus = EventListener("focus", FOCUS_DOC)
    blur = EventListener("blur", BLUR_DOC)
    stop = EventListener("stop", "Fires when the user clicks the stop button (stop_btn).")
    args = {"value": None, "sources": Arg(None, convert=_sources), "file_types": Arg(None, convert=_file_types),
            "file_count": Arg("single", one_of=COUNTS), "lines": 1, "max_lines": 20, "placeholder": None,
            "autofocus": False, "autoscroll": True, "text_align": None, "rtl": False,
            "submit_btn": Arg(True, convert=_button_label), "stop_btn": Arg(False, convert=_button_label),
            "max_plain_text_length": 1000, "html_attributes": Arg(None, convert=_html_attributes)}
    positional = ("value",)

    def warn_once(self, name: str, why: str) -> None:
        from ..component import _warned, log  # noqa: PLC0415

        if (type(self).__name__, name) not in _warned:
            _warned.add((type(self).__name__, name))
            log.warning("gr.%s(%s=...) is accepted but %s.", type(self).__name__, name, why)

    def rules(self) -> FileRules:
        return getattr(self.blocks, "file_rules", None) or FileRules()

    def postprocess(self, value: Any) -> dict[str, Any]:
        if value is None:
            return {"text": "", "files": []}
        if isinstance(value, str):
            return {"text": value, "files": []}
        if not isinstance(value, dict):
            raise ValueError(f"{self.describe()} expects a dict {{'text': ..., 'files': [...]}} or a string, "
                             f"got {short_repr(value)}.")
        files = [to_payload(f, self.rules(), self.describe()) for f in value.get("files") or []]
        return {"text": str(value.get("text") or ""), "files": files}

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        if payload is None:
            return None
        files = [from_payload(f, self.rules(), self.describe(), self.file_types).path for f in payload["files"]]
        return {"text": payload["text"], "files": files}

    def check_payload(self, payload: Any) -> Any:
        if payload is None:
            return None
        if not (isinstance(payload, dict) and isinstance(payload.get("text", ""), str)
                and isinstance(payload.get("files", []), list)):
            raise self.bad_payload(payload, "{'text': str, 'files': [{'path': ...}]}")
        files = payload.get("files", [])
        if not all(isinstance(f, dict) and isinstance(f.get("path"), str) for f in files):
            raise self.bad_payload(payload, "files as {'path': ..., 'url': ...}")
        return {"text": payload.get("text", ""), "files": files}

    def api_info(self) -> dict[str, Any]:
        return {"type": "object", "properties": {"text": {"type": "string"},
                                                 "files": {"type": "array", "items": {"type": "object"}}}}


__all__ = ["MultimodalTextbox"]
