"""Values of gr.HTML, gr.JSON, gr.Label, gr.Code and gr.HighlightedText, as Gradio 6 gives them."""

from __future__ import annotations

import pytest

import blocks as gr
from blocks.errors import BlocksError, InvalidValueError


def test_html_keeps_markup_unsanitized_and_takes_template_props() -> None:
    html = gr.HTML("<script>x()</script><b>hi</b>", html_template="<p>${value} ${props.who}</p>", who="Ada")
    assert html.initial_value() == "<script>x()</script><b>hi</b>"
    props = html.props()
    assert props["who"] == "Ada" and props["html_template"] == "<p>${value} ${props.who}</p>"
    assert props["show_label"] is False and props["container"] is False
    assert gr.HTML().initial_value() == ""
    with pytest.raises(InvalidValueError):
        html.check_payload(3)


def test_json_parses_strings_and_lists_tuples() -> None:
    assert gr.JSON('{"a": [1, 2]}').initial_value() == {"a": [1, 2]}
    assert gr.JSON({"t": (1, None, True)}).initial_value() == {"t": [1, None, True]}
    assert gr.JSON().initial_value() is None

    class Array:  # numpy-like, without numpy
        def tolist(self) -> list[int]:
            return [1, 2]

    assert gr.JSON({"a": Array()}).initial_value() == {"a": [1, 2]}
    assert gr.Json is gr.JSON


def test_label_sorts_confidences_and_limits_them() -> None:
    assert gr.Label({"cat": 0.3, "dog": 0.7}).initial_value() == {
        "label": "dog", "confidences": [{"label": "dog", "confidence": 0.7}, {"label": "cat", "confidence": 0.3}]}
    assert gr.Label({"a": 0.1, "b": 0.5, "c": 0.4}, num_top_classes=2).initial_value()["confidences"] == [
        {"label": "b", "confidence": 0.5}, {"label": "c", "confidence": 0.4}]
    assert gr.Label("cat").initial_value() == {"label": "cat"}
    assert gr.Label(0.5).initial_value() == {"label": "0.5"}
    given = {"label": "cat", "confidences": [{"label": "dog", "confidence": 0.2}, {"label": "cat", "confidence": 0.8}]}
    assert gr.Label(given).initial_value()["confidences"][0] == {"label": "cat", "confidence": 0.8}
    label = gr.Label()
    assert label.preprocess(label.postprocess({"x": 0.6, "y": 0.4})) == {"x": 0.6, "y": 0.4}
    assert label.preprocess({"label": "cat"}) == "cat"


def test_code_highlights_and_checks_its_language() -> None:
    code = gr.Code("  def f():\n    pass  ", language="python")
    payload = code.initial_value()
    assert payload["code"] == "def f():\n    pass"
    assert '<span class="tok-k">def</span>' in payload["html"]
    assert "<" not in gr.Code("a < b").initial_value()["html"].replace("&lt;", "")
    assert code.preprocess(payload) == "def f():\n    pass"
    assert code.check_payload("x = 1")["code"] == "x = 1"
    assert gr.Code.languages[-1] is None and "sql-sparkSQL" in gr.Code.languages
    with pytest.raises(BlocksError):
        gr.Code(language="cobol")


def test_highlighted_text_forms() -> None:
    ht = gr.HighlightedText(combine_adjacent=True, adjacent_separator=" ")
    assert ht.postprocess([("New", "LOC"), ("York", "LOC"), ("is", None)]) == [
        {"token": "New York", "class_or_confidence": "LOC"}, {"token": "is", "class_or_confidence": None}]
    entities = {"text": "Ada lives here", "entities": [{"entity": "PER", "start": 0, "end": 3}]}
    assert gr.HighlightedText(entities).initial_value() == [
        {"token": "Ada", "class_or_confidence": "PER"}, {"token": " lives here", "class_or_confidence": None}]
    assert gr.HighlightedText([("hot", 0.9)]).initial_value() == [{"token": "hot", "class_or_confidence": 0.9}]
    assert ht.preprocess([{"token": "a", "class_or_confidence": "X"}]) == [("a", "X")]
    with pytest.raises(InvalidValueError):
        ht.check_payload("text")


def test_param_viewer_highlights_signatures_and_renders_descriptions():
    rows = gr.ParamViewer().postprocess({"x": {"type": "int", "description": "A <b>bold</b> *x*", "default": 3},
                                         "y": {"description": "no type"}})
    assert [r["name"] for r in rows] == ["x", "y"]
    assert 'class="tok-nb">int</span>' in rows[0]["signature"] and rows[0]["default"].endswith('"tok-mi">3</span>')
    assert rows[0]["description"] == "<p>A <b>bold</b> <em>x</em></p>\n" and rows[1]["default"] is None
    assert rows[1]["signature"] == '<span class="tok-n">y</span>'
    with pytest.raises(gr.BlocksError, match=r"ParamViewer.*give a dict of parameter name"):
        gr.ParamViewer().postprocess(["x"])
