"""gr.Dialogue's values: lines to the listener as text or a list, a returned value to the page, and the
formats the page is given so that it formats lines as the app's formatter does."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

import blocks as gr
from blocks.components.dialogue import SPEAKER_MARK, TEXT_MARK
from blocks.errors import BlocksError, InvalidValueError

DEMOS = Path(__file__).resolve().parents[1] / "gradio_demos" / "apps"
LINES = [{"speaker": "Speaker 1", "text": "Hello"}, {"speaker": "Speaker 2", "text": "Hi (laughs)"}]


def dia_formatter(speaker: str, text: str) -> str:  # dia_dialogue_demo's
    return f"[S{speaker.split(' ')[1]}] {text}"


def test_type_text_gives_the_lines_formatted_and_joined_by_the_separator():
    plain = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"])
    assert plain.preprocess(LINES) == "[Speaker 1] Hello\n[Speaker 2] Hi (laughs)"
    custom = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"], formatter=dia_formatter, separator="\t")
    assert custom.preprocess(LINES) == "[S1] Hello\t[S2] Hi (laughs)"
    assert custom.preprocess([{"speaker": "Speaker 1", "text": ""}]) == ""  # one empty line is no dialogue
    assert custom.preprocess("[S1] typed as plain text") == "[S1] typed as plain text"
    assert custom.preprocess(None) is None


def test_type_list_gives_the_lines_themselves():
    dialogue = gr.Dialogue(type="list", speakers=["Speaker 1", "Speaker 2"], formatter=dia_formatter)
    assert dialogue.preprocess(LINES) == LINES
    assert dialogue.preprocess("plain") == "plain"  # as Gradio: text mode sends a string


def test_postprocess_keeps_speaker_and_text_and_strings():
    dialogue = gr.Dialogue(speakers=["A"])
    assert dialogue.postprocess([{"speaker": "A", "text": 1, "start": 0.5}]) == [{"speaker": "A", "text": "1"}]
    assert dialogue.postprocess("[A] hi") == "[A] hi"
    assert dialogue.postprocess(None) is None
    assert dialogue.postprocess([]) == []
    with pytest.raises(InvalidValueError, match="speaker"):
        dialogue.postprocess([{"text": "who said it?"}])


def test_page_values_are_checked():
    dialogue = gr.Dialogue(speakers=["A"])
    assert dialogue.check_payload([{"speaker": "A", "text": "x", "extra": 1}]) == [{"speaker": "A", "text": "x"}]
    assert dialogue.check_payload("plain") == "plain"
    for bad in ([{"speaker": "A"}], [{"speaker": 1, "text": "x"}], {"speaker": "A", "text": "x"}, 3):
        with pytest.raises(InvalidValueError):
            dialogue.check_payload(bad)


def test_unformat_reads_lines_back_with_the_default_or_the_apps_unformatter():
    dialogue = gr.Dialogue(speakers=["Host", "Guest"])
    assert dialogue.unformat({"text": "[Guest] hi there\n\n  no brackets  \n"}) == [
        {"speaker": "Guest", "text": "hi there"}, {"speaker": "Host", "text": "no brackets"}]
    assert gr.Dialogue().unformat("loose") == [{"speaker": "Unknown", "text": "loose"}]

    def colon(line: str, default: str) -> dict[str, str]:
        speaker, _, text = line.partition(": ")
        return {"speaker": speaker, "text": text}
    own = gr.Dialogue(speakers=["Host"], unformatter=colon, separator="|")
    assert own.unformat("Host: a|Guest: b") == [{"speaker": "Host", "text": "a"}, {"speaker": "Guest", "text": "b"}]
    assert own.format([{"speaker": "Host", "text": "a"}]) == "[Host] a"


def test_the_page_gets_each_speakers_line_format_probed_from_the_formatter():
    props = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"], formatter=dia_formatter).props()
    assert props["line_formats"] == {"Speaker 1": f"[S1] {TEXT_MARK}", "Speaker 2": f"[S2] {TEXT_MARK}"}
    assert props["line_format"] is None  # dia's formatter cannot format a speaker it does not know
    assert props["parse_by_format"] is False
    default = gr.Dialogue(speakers=["A"]).props()
    assert default["line_format"] == f"[{SPEAKER_MARK}] {TEXT_MARK}"

    def shouting(speaker: str, text: str) -> str:  # changes the text: the page cannot copy it, so it uses the default
        return f"{speaker}: {text.upper()}"
    assert gr.Dialogue(speakers=["A"], formatter=shouting).props()["line_formats"] == {}
    dialogue = gr.Dialogue(speakers=["A"], formatter=dia_formatter)
    assert dialogue.normalize_props({"speakers": ["Speaker 7"]})["line_formats"] == {"Speaker 7": f"[S7] {TEXT_MARK}"}


def test_gradios_defaults_and_argument_checks():
    props = gr.Dialogue(interactive=True, tags=["(laughs)"], submit_btn=True, buttons=["copy"]).props()
    assert props["label"] == "Dialogue" and props["ui_mode"] == "both" and props["speakers"] == []
    assert props["info"] == "Type colon (:) in the dialogue line to see the available tags"
    assert props["tags"] == ["(laughs)"] and props["submit_btn"] is True and props["buttons"] == ["copy"]
    assert gr.Dialogue().props()["info"] is None  # as Gradio: the hint only on a box said to be interactive
    assert "formatter" not in props and "type" not in props
    with pytest.raises(BlocksError, match="ui_mode"):
        gr.Dialogue(ui_mode="lines")
    with pytest.raises(BlocksError, match="separator"):
        gr.Dialogue(separator=" ")
    with pytest.raises(BlocksError, match="type"):
        gr.Dialogue(type="dict")


def test_the_diarization_demo_builds_without_its_ml_packages(monkeypatch: pytest.MonkeyPatch):
    """Gradio's dialogue_diarization_demo needs pyannote.audio and whisper only when it analyses audio:
    with stand-ins for them it builds, and its Dialogue is the read-only output of the button."""
    pyannote, audio, whisper = (types.ModuleType(name) for name in ("pyannote", "pyannote.audio", "whisper"))
    audio.Pipeline = object  # type: ignore[attr-defined]
    whisper.load_model = lambda name: None  # type: ignore[attr-defined]
    for module in (pyannote, audio, whisper):
        monkeypatch.setitem(sys.modules, module.__name__, module)
    source = (DEMOS / "dialogue_diarization_demo.py").read_text().replace("import gradio as gr", "import blocks as gr")
    found: dict[str, Any] = {"__name__": "dialogue_diarization_demo"}
    exec(compile(source, "dialogue_diarization_demo.py", "exec"), found)  # noqa: S102 - a demo of this repo
    dialogue = found["dialogue_output"]
    assert dialogue.label == "AI-generated speaker-separated conversation" and dialogue.initial_value() == []
    assert dialogue.props()["line_formats"]["Speaker 3"] == f"Speaker 3: {TEXT_MARK}"
    assert found["demo"].config()["dependencies"][0]["outputs"] == [dialogue.id]
