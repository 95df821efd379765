"""Textbox's Gradio 6 extras (buttons, submit_btn, stop_btn, html_attributes) and gr.DuplicateButton."""

from __future__ import annotations

import logging

import pytest

import blocks as gr
from blocks import component


def test_textbox_extras_reach_the_page_config_as_gradio_sends_them():
    box = gr.Textbox(buttons=["copy"], submit_btn="Go", stop_btn=True,
                     html_attributes=gr.InputHTMLAttributes(spellcheck=False, lang="fr", tabindex=2))
    props = box.props()
    assert props["buttons"] == ["copy"] and props["submit_btn"] == "Go" and props["stop_btn"] is True
    assert props["html_attributes"] == {"spellcheck": False, "lang": "fr", "tabindex": 2}
    assert props["autoscroll"] is True and props["max_lines"] is None  # Gradio 6: the page grows to 20 lines
    plain = gr.Textbox().props()
    assert plain["buttons"] == [] and plain["submit_btn"] is False and plain["html_attributes"] is None
    assert {"stop", "copy", "submit"} <= set(gr.Textbox.events)


def test_html_attributes_may_be_a_dict_with_known_keys_only():
    assert gr.Textbox(html_attributes={"autocomplete": "off"}).props()["html_attributes"] == {"autocomplete": "off"}
    with pytest.raises(gr.BlocksError, match=r"unknown attribute 'onclick'; use one of autocapitalize"):
        gr.Textbox(html_attributes={"onclick": "alert(1)"})
    with pytest.raises(gr.BlocksError, match=r"gr.InputHTMLAttributes\(...\) or a dict"):
        gr.Textbox(html_attributes="spellcheck")


def test_buttons_and_submit_btn_are_checked():
    with pytest.raises(gr.BlocksError, match=r'buttons=\[\'paste\'\]\): use "copy"'):
        gr.Textbox(buttons=["paste"])
    with pytest.raises(gr.BlocksError, match=r"buttons='copy'\): use a list"):
        gr.Textbox(buttons="copy")
    with pytest.raises(gr.BlocksError, match="submit_btn and stop_btn take True, False or a label, got 3"):
        gr.Textbox(submit_btn=3)
    assert gr.Textbox(submit_btn=None).props()["submit_btn"] is False


def test_show_copy_button_is_gone_in_gradio_6():
    with pytest.raises(gr.BlocksError, match="unknown argument 'show_copy_button'"):
        gr.Textbox(show_copy_button=True)


def test_custom_buttons_warn_once_and_honoured_arguments_do_not(caplog: pytest.LogCaptureFixture, monkeypatch):
    monkeypatch.setattr(component, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="blocks"):
        gr.Textbox(autoscroll=False, buttons=["copy"], submit_btn=True, stop_btn="Stop",
                   html_attributes=gr.InputHTMLAttributes(lang="en"))
        gr.Textbox(buttons=[gr.Button("Mine"), "copy"])
        gr.Textbox(buttons=[gr.Button("Again")])
    assert [r.getMessage() for r in caplog.records] == [
        "gr.Textbox(buttons=[gr.Button(...)]) is accepted but not supported yet: custom buttons are not shown."]


def test_duplicate_button_defaults_are_gradios():
    button = gr.DuplicateButton()
    props = button.props()
    assert (button.value, props["variant"], props["size"], props["scale"]) == ("Duplicate Space", "huggingface",
                                                                                 "sm", 0)
    assert props["visible"] is True  # Gradio shows it everywhere; it does something only on a Space


def test_duplicate_button_opens_the_duplicate_page_only_on_a_space(monkeypatch):
    monkeypatch.delenv("SYSTEM", raising=False)
    with gr.Blocks() as local:
        gr.DuplicateButton()
    assert local.config()["dependencies"] == []
    monkeypatch.setenv("SYSTEM", "spaces")
    monkeypatch.setenv("SPACE_ID", "alice/demo")
    with gr.Blocks() as space:
        gr.DuplicateButton()
        gr.DuplicateButton(_activate=False)
    [dep] = space.config()["dependencies"]
    assert "https://huggingface.co/spaces/alice/demo?duplicate=true" in dep["js"] and "_blank" in dep["js"]
