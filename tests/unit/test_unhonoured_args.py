"""Gradio arguments blocks accepts but does not honour log one warning naming them; none is
dropped silently (the rule: no silent no-ops)."""

from __future__ import annotations

import logging

import pytest

import blocks as gr
from blocks import component


@pytest.fixture(autouse=True)
def fresh_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(component, "_warned", set())


@pytest.mark.parametrize(("make", "argument"), [
    (lambda: gr.Slider(show_reset_button=False), "show_reset_button"),
    (lambda: gr.CheckboxGroup(["a"], show_select_all=True), "show_select_all"),
    (lambda: gr.Dropdown(["a"], num_choices_shown=5), "num_choices_shown"),
    (lambda: gr.HighlightedText(rtl=True), "rtl"),
    (lambda: gr.HTML(server_functions=[print]), "server_functions"),
    (lambda: gr.JSON(buttons=["copy"]), "buttons"),
    (lambda: gr.Code(buttons=["copy"]), "buttons"),
    (lambda: gr.Checkbox(buttons=["copy"]), "buttons"),
    (lambda: gr.Textbox(preserved_by_key=["label", "value"]), "preserved_by_key"),
])
def test_an_unhonoured_argument_logs_one_warning_naming_it(make, argument: str,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="blocks"), gr.Blocks():
        make()
        make()
    warned = [r.getMessage() for r in caplog.records]
    assert len(warned) == 1 and f"{argument}=" in warned[0], warned


def test_honoured_and_default_arguments_say_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="blocks"), gr.Blocks():
        gr.Number(placeholder="Age", container=False)
        gr.Textbox(container=False, preserved_by_key="value", buttons=["copy"])
        gr.Dropdown(["a"], num_choices_shown=100)
        gr.Slider(preserved_by_key=[])
    assert caplog.records == []


def test_only_gradio_internal_arguments_are_ignored_without_a_word() -> None:
    own = {cls: cls.__dict__.get("ignored_args") for cls in _classes()}  # a subclass inherits its base's
    ignored = {cls.__name__: set(names) for cls, names in own.items() if names}
    assert ignored == {"Blocks": {"analytics_enabled", "mode"}, "Dataset": {"proxy_url"}, "HTML": {"props"}}


def _classes() -> list[type]:
    found, todo = [], [component.Block]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        found.append(cls)
    return found
