"""Change detection, sealing, return-value mapping, Markdown."""

from __future__ import annotations

import pytest

import blocks as gr
from blocks.components.markdown_render import render_markdown
from blocks.sealing import Sealer, SealError
from blocks.state import values_differ
from blocks.updates import MISSING, per_output, split_update


class Point:
    def __init__(self, x: int) -> None:
        self.x = x


class Hashed:
    def __init__(self, key: str, noise: int) -> None:
        self.key, self.noise = key, noise

    def __hash__(self) -> int:
        return hash(self.key)


@pytest.mark.parametrize("old, new, differ", [
    ([1, [2]], [1, [2]], False),
    ([1, [2]], [1, [3]], True),
    ({"a": {"b": 1}}, {"a": {"b": 1}}, False),
    ({"a": 1}, {"a": 1, "b": 2}, True),
    (0, False, True),
    (float("nan"), float("nan"), False),
    (Point(1), Point(1), False),
    (Point(1), Point(2), True),
    (Hashed("k", 1), Hashed("k", 2), False),  # the guide: custom classes compare by __hash__
    (Hashed("k", 1), Hashed("j", 1), True),
])
def test_values_differ(old, new, differ):
    assert values_differ(old, new) is differ


def test_sealing_roundtrip_and_binding(tmp_path, monkeypatch):
    monkeypatch.setenv("BLOCKS_KEY_FILE", str(tmp_path / "key"))
    sealer = Sealer("prefs")
    for value in (0, "", [], False, None, {"theme": "dark"}):
        assert sealer.open(sealer.seal(value)) == value
    blob = sealer.seal("secret")
    assert "secret" not in blob
    with pytest.raises(SealError):
        Sealer("other").open(blob)
    with pytest.raises(SealError):
        Sealer("prefs", secret="s3cret").open(blob)
    assert (tmp_path / "key").stat().st_mode & 0o777 == 0o600
    assert Sealer("prefs").open(blob) == "secret"  # the same key file: survives a restart


def test_per_output_shapes():
    a, b = gr.Textbox(), gr.Textbox()
    assert per_output("f", [a], (1, 2)) == {a: (1, 2)}
    assert per_output("f", [a, b], [1, 2]) == {a: 1, b: 2}
    assert per_output("f", [a, b], {b: 3}) == {b: 3}
    assert per_output("f", [a], {"x": 1}) == {a: {"x": 1}}
    with pytest.raises(gr.InvalidValueError, match="returned 3 values but has 2 outputs"):
        per_output("f", [a, b], (1, 2, 3))


def test_split_update_from_component_instance():
    box = gr.Textbox(label="Old")
    assert split_update("f", box, gr.Textbox("new", visible=False)) == ("new", {"visible": False})
    assert split_update("f", box, gr.update(label="L")) == (MISSING, {"label": "L"})
    assert split_update("f", box, "plain") == ("plain", {})


def test_markdown_is_rendered_safely():
    html = render_markdown("# Title\n\n<b onclick='x()'>raw</b> [x](javascript:alert(1)) **bold**")
    assert "<h1>Title</h1>" in html and "<strong>bold</strong>" in html
    assert "<b>raw</b>" in html and "onclick" not in html and 'href="javascript' not in html


def test_number_precision_and_range():
    number = gr.Number(precision=0, minimum=0, maximum=10)
    assert number.preprocess(3.6) == 4
    with pytest.raises(gr.Error, match="greater than the maximum"):
        number.preprocess(11)


@pytest.mark.parametrize("precision, sent, received", [
    (None, 30, 30), (None, 30.0, 30.0), (None, 30.5, 30.5),  # what the page sent, as Gradio
    (0, 30, 30), (0, 30.0, 30), (0, 30.5, 30), (0, 31.5, 32),
    (2, 30, 30), (2, 30.0, 30.0), (2, 30.125, 30.12),
])
def test_number_gives_the_callback_what_gradio_does(precision, sent, received):
    number = gr.Number(precision=precision)
    got = number.preprocess(sent)
    assert (got, type(got)) == (received, type(received))
    shown = number.postprocess(sent)
    assert (shown, type(shown)) == (received, type(received))


def test_number_without_a_value_starts_at_0():
    assert gr.Number().initial_value() == 0
    assert gr.Number(value=None, precision=2).initial_value() == 0
    assert gr.Number(value=7).initial_value() == 7
    assert gr.Number().value is None  # as Gradio's gr.Number().value


def test_components_without_a_label_get_gradios_default_label():
    labels = {type(c).__name__: c.props().get("label")
              for c in (gr.Textbox(), gr.Number(), gr.CheckboxGroup(["a"]), gr.Button(), gr.Markdown("m"),
                        gr.State())}
    assert labels == {"Textbox": "Textbox", "Number": "Number", "CheckboxGroup": "Checkbox Group",
                      "Button": None, "Markdown": None, "State": None}
    hidden = gr.Number(show_label=False).props()
    assert (hidden["label"], hidden["show_label"]) == ("Number", False)  # still there for screen readers
    assert gr.Number(label="Age").props()["label"] == "Age"
    assert gr.Textbox().normalize_props({"label": None}) == {"label": "Textbox"}  # gr.update(label=None)
    assert gr.Textbox().describe() == "Textbox (id None)"  # errors name it by id, not by 'Textbox'
