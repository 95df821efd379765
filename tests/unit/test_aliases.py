"""Gradio's aliases and small names: the same objects, the same defaults as Gradio's."""

import pytest

import blocks as gr


def test_aliases_are_the_components_themselves() -> None:
    assert gr.Text is gr.Textbox and gr.Json is gr.JSON and gr.Checkboxgroup is gr.CheckboxGroup
    assert gr.Highlight is gr.HighlightedText is gr.Highlightedtext
    assert gr.Theme is gr.themes.Base


def test_textarea_is_a_seven_line_textbox() -> None:
    with gr.Blocks():
        area = gr.TextArea()
        box = gr.Textbox()
    assert isinstance(area, gr.Textbox) and (area.lines, area.max_lines, area.props()["label"]) == (7, 20, "Textbox")
    assert box.lines == 1


def test_no_reload_is_true_outside_a_reload() -> None:
    ran = []
    if gr.NO_RELOAD:
        ran.append("once")
    assert ran == ["once"]


@pytest.mark.parametrize("name", ["Highlight", "Text", "TextArea", "NO_RELOAD", "close_all", "Theme"])
def test_built_names_are_not_in_the_not_yet_list(name: str) -> None:
    assert name not in gr.NOT_YET and name in gr.__all__
