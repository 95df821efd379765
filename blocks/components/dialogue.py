"""Dialogue: lines of a conversation, each a speaker and a text, edited as lines or as plain text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..component import Arg, Component
from ..errors import BlocksError, InvalidValueError
from ..events import CHANGE_DOC, INPUT_DOC, EventListener
from .text import _button_label, _buttons

# Stand-ins for a line's speaker and text while the formatter is probed (Unicode private use: an app's
# formatter never makes them itself), so that the page can format lines without asking the server.
TEXT_MARK, SPEAKER_MARK = "\ue000", "\ue001"
TAGS_INFO = "Type colon (:) in the dialogue line to see the available tags"


def default_formatter(speaker: str, text: str) -> str:
    """Gradio's line format: "[speaker] text"."""
    return f"[{speaker}] {text}"


def default_unformatter(line: str, default_speaker: str) -> dict[str, str]:
    """A "[speaker] text" line back to {"speaker", "text"}; any other line is `default_speaker`'s."""
    line = line.strip()
    if not line:
        return {"speaker": "", "text": ""}
    if line.startswith("[") and "]" in line:
        end = line.index("]")
        return {"speaker": line[1:end], "text": line[end + 1:].strip()}
    return {"speaker": default_speaker, "text": line}


def _probe(formatter: Callable[[str, str], Any], speaker: str, marks: int) -> str | None:
    """formatter(speaker, TEXT_MARK) if the formatter puts the text in as it is (once), else None."""
    try:
        formatted = formatter(speaker, TEXT_MARK)
        sample = formatter(speaker, "Ab c")  # does it change the text (upper(), ...)?
    except Exception:  # noqa: BLE001 - a formatter that cannot take a stand-in: the page uses "[speaker] text"
        return None
    if not isinstance(formatted, str) or formatted.count(TEXT_MARK) != 1 or formatted.count(SPEAKER_MARK) > marks \
            or sample != formatted.replace(TEXT_MARK, "Ab c"):
        return None
    return formatted


def _separator(block: Any, separator: Any) -> str:
    if not isinstance(separator, str) or separator in ("", " "):
        raise BlocksError(f"Dialogue(separator={separator!r}): use an unambiguous separator such as \"\\n\".")
    return separator


class Dialogue(Component, renderer="dialogue"):
    """A conversation: lines of {"speaker", "text"}, each speaker picked from `speakers`.

    Args:
        value: a list of {"speaker", "text"} dicts, or a string (shown as plain text).
        type: what a listener gets: "text" (the lines formatted and joined by `separator`) or "list".
        speakers: the speakers a line may have; none makes the component one plain textarea.
        formatter: formatter(speaker, text) -> one line of text (default "[speaker] text").
        unformatter: unformatter(line, default_speaker) -> {"speaker", "text"}, the way back.
        tags: words offered in a list when the user types ":" in a line, e.g. "(laughs)".
        separator: what joins formatted lines.
        color_map: {speaker: CSS color} for a read-only transcript (default: a palette).
        max_lines: the most lines the user can add.
        ui_mode: "dialogue" (lines), "text" (plain text) or "both" (lines, with a Plain Text switch).
        buttons: ["copy"] adds a Copy button (the formatted text); submit_btn: True or a label.
    """

    default_label = "Dialogue"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    submit = EventListener("submit", "Fires when the user clicks the submit button (submit_btn).")
    args = {"type": Arg("text", prop=False, one_of=("list", "text")),
            "speakers": Arg(None, convert=lambda block, speakers: [str(s) for s in speakers or []]),
            "formatter": Arg(None, prop=False), "unformatter": Arg(None, prop=False),
            "tags": Arg(None, convert=lambda block, tags: [str(t) for t in tags or []]),
            "separator": Arg("\n", convert=_separator), "color_map": None,
            "label": "Dialogue", "info": TAGS_INFO, "placeholder": None, "autofocus": False, "autoscroll": True,
            "max_lines": None, "buttons": Arg(None, convert=_buttons),
            "submit_btn": Arg(False, convert=_button_label),
            "ui_mode": Arg("both", one_of=("dialogue", "text", "both"))}
    derived_props = ("line_formats", "line_format", "parse_by_format")

    def setup(self) -> None:
        if not self.interactive:  # as Gradio: the tags hint only on a box said to be interactive
            self.info = None
        self.__dict__.update(self._formats(self.speakers))

    def _formats(self, speakers: list[str]) -> dict[str, Any]:
        """How the page formats a line: per speaker "before<TEXT_MARK>after", and one for any speaker
        (with SPEAKER_MARK) where the formatter allows; a line it cannot format shows "[speaker] text"."""
        formatter = self.formatter or default_formatter
        per_speaker = {s: found for s in speakers if (found := _probe(formatter, s, 0)) is not None}
        return {"line_formats": per_speaker, "line_format": _probe(formatter, SPEAKER_MARK, 1),
                "parse_by_format": self.unformatter is not None}

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        props = super().normalize_props(props)
        if "speakers" in props:
            props.update(self._formats(props["speakers"]))
        return props

    def format(self, value: list[dict[str, str]] | str | None) -> str:
        """The lines as one string: each formatted, joined by the separator ("" for one empty line)."""
        if value is None or isinstance(value, str):
            return value or ""
        if len(value) == 1 and value[0]["text"] == "":
            return ""
        formatter = self.formatter or default_formatter
        return self.separator.join(formatter(line["speaker"], line["text"]) for line in value)

    def unformat(self, payload: dict[str, str] | str) -> list[dict[str, str]]:
        """Plain text (or Gradio's {"text": ...}) back to lines, split at the separator; blank lines dropped."""
        text = payload.get("text", "") if isinstance(payload, dict) else payload
        unformatter = self.unformatter or default_unformatter
        default_speaker = self.speakers[0] if self.speakers else "Unknown"
        lines = [unformatter(line.strip(), default_speaker) for line in (text or "").split(self.separator)
                 if line.strip()]
        return [line for line in lines if line["speaker"] or line["text"]]

    def preprocess(self, payload: Any) -> Any:
        if self.type == "list" or payload is None:
            return payload
        return self.format(payload)

    def postprocess(self, value: Any) -> list[dict[str, str]] | str | None:
        if value is None or isinstance(value, str):
            return value
        try:
            return [{"speaker": str(line["speaker"]), "text": str(line["text"])} for line in value]
        except (KeyError, TypeError):
            raise InvalidValueError(f"{self.describe()}: a value is a string or a list of "
                                    f"{{'speaker': ..., 'text': ...}} dicts, got {value!r:.200}.") from None

    def check_payload(self, payload: Any) -> list[dict[str, str]] | str | None:
        if payload is None or isinstance(payload, str):
            return payload
        if isinstance(payload, list) and all(
                isinstance(line, dict) and isinstance(line.get("speaker"), str) and isinstance(line.get("text"), str)
                for line in payload):
            return [{"speaker": line["speaker"], "text": line["text"]} for line in payload]
        raise self.bad_payload(payload, 'a string or a list of {"speaker": string, "text": string}')

    def api_info(self) -> dict[str, Any]:
        line = {"type": "object", "properties": {"speaker": {"type": "string"}, "text": {"type": "string"}},
                "required": ["speaker", "text"]}
        return {"anyOf": [{"type": "array", "items": line}, {"type": "string"}]}
