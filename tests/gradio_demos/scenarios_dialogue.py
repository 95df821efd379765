"""Scenarios of Gradio's gr.Dialogue demos.

Gradio names neither a line's text box nor the Plain Text switch, so steps find them as both pages lay
them out: the dialogue's text boxes are the page's first <textarea>s, one per speaker combobox (Gradio's
Dropdown, blocks' <select>), and the switch is the page's first role=switch.
"""

from __future__ import annotations

from typing import Any


def _type_in_line(page: Any, index: int, text: str) -> None:
    """Click the end of line `index`'s text and type, key by key (the ":" tag list reacts to typing)."""
    page.locator("textarea").nth(index).click()
    page.keyboard.press("End")
    page.keyboard.type(text)


def _key(page: Any, key: str) -> None:
    page.keyboard.press(key)


def _click_first(page: Any, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).first.click()


def _switch(page: Any, _target: Any = None) -> None:
    page.locator("[role=switch]").first.click()


def _fill_plain(page: Any, text: str) -> None:
    page.locator("textarea").first.fill(text)


def _lines(page: Any, _target: Any = None) -> list[list[str]]:
    """Each editable line as [speaker, text]."""
    speakers = [box.input_value() for box in page.get_by_role("combobox").all()]
    texts = page.locator("textarea")
    return [[speaker, texts.nth(i).input_value()] for i, speaker in enumerate(speakers)]


def _option(page: Any, name: str) -> bool:
    option = page.get_by_role("option", name=name, exact=True)
    return option.count() > 0 and option.first.is_visible()


ACTIONS = {"type_in_line": _type_in_line, "key": _key, "click_first": _click_first, "plain_switch": _switch,
           "fill_plain": _fill_plain}
LOOKS = {"dialogue_lines": _lines, "option": _option}

SCENARIOS = {
    "dialogue_component": [
        ("look", "text", "Type colon (:) in the dialogue line to see the available tags"),
        ("look", "dialogue_lines", None),
        ("type_in_line", 1, " :la"), ("look", "option", "(laughs)"), ("look", "option", "(sighs)"),
        ("key", "Enter"), ("look", "dialogue_lines", None), ("look", "option", "(laughs)"),
        ("click_first", "Add new line"), ("look", "dialogue_lines", None),
        ("plain_switch", None), ("look", "css_value", "textarea"),
        ("fill_plain", "[Speaker 2] Bye (sighs)\nhello there"), ("plain_switch", None),
        ("look", "dialogue_lines", None), ("look", "button", "Submit"), ("look", "value", "Output")],
    "dialogue_mock_diarization": [
        ("look", "css_value", "textarea"), ("click", "Submit"), ("sleep", 1), ("plain_switch", None),
        ("look", "css_value", "textarea")],
}
