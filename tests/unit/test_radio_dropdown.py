"""gr.Radio and gr.Dropdown as in Gradio: defaults, type="index", choices pairs, refused payloads."""

from __future__ import annotations

import logging

import pytest

import blocks as gr
from blocks import component


def test_radio_defaults_and_pairs():
    radio = gr.Radio(["a", ("Bee", "b")])
    assert radio.choices == [["a", "a"], ["Bee", "b"]]
    assert radio.initial_value() is None
    assert radio.props()["label"] == "Radio"
    assert set(radio.events) == {"select", "change", "input"}


def test_radio_index_type_gives_the_position():
    radio = gr.Radio([("One", 1), "two"], type="index")
    assert radio.preprocess("two") == 1
    assert radio.preprocess(1) == 0
    assert radio.preprocess(None) is None
    assert gr.Radio(["a", "b"]).preprocess("b") == "b"


def test_radio_refuses_a_value_that_is_not_a_choice():
    radio = gr.Radio(["a", "b"], label="Size")
    assert radio.check_payload("b") == "b" and radio.check_payload(None) is None
    with pytest.raises(gr.InvalidValueError,
                       match=r"^Radio 'Size' expects one of its choices \['a', 'b'\], got 'c'\.$"):
        radio.check_payload("c")
    with pytest.raises(gr.BlocksError, match="use 'value' or 'index'"):
        gr.Radio(["a"], type="position")


def test_dropdown_starts_at_the_first_choice_as_in_gradio():
    assert gr.Dropdown(["a", "b"]).initial_value() == "a"
    assert gr.Dropdown([("Bee", "b"), "a"]).initial_value() == "b"
    assert gr.Dropdown(["a", "b"], value=None).initial_value() is None
    assert gr.Dropdown([]).initial_value() is None
    assert gr.Dropdown(["a", "b"], multiselect=True).initial_value() == []
    assert gr.Dropdown(["a"], multiselect=True, value="a").initial_value() == ["a"]
    dropdown = gr.Dropdown(["a"])
    assert dropdown.props()["label"] == "Dropdown" and dropdown.props()["multiselect"] is False
    assert set(dropdown.events) == {"change", "input", "select", "focus", "blur", "key_up"}  # as Gradio 6.31
    assert "value" not in gr.Dropdown(choices=["x"]).explicit_args  # an update changes only the choices


def test_dropdown_index_type_single_and_multiselect():
    assert gr.Dropdown(["a", "b"], type="index").preprocess("b") == 1
    assert gr.Dropdown(["a", "b"], type="index").preprocess(None) is None
    assert gr.Dropdown(["a", "b"], type="index", multiselect=True).preprocess(["b", "a"]) == [1, 0]
    assert gr.Dropdown(["a", "b"], type="index", allow_custom_value=True).preprocess("zz") is None
    assert gr.Dropdown(["a", "b"], multiselect=True).preprocess(["b"]) == ["b"]


def test_dropdown_refuses_values_outside_its_choices_unless_custom_values_are_allowed():
    dropdown = gr.Dropdown(["a", "b"], label="Fruit")
    with pytest.raises(gr.InvalidValueError, match=r"^Dropdown 'Fruit' expects one of its choices \['a', 'b'\] "
                                                   r"\(allow_custom_value=True accepts others\), got 'zz'\.$"):
        dropdown.check_payload("zz")
    assert dropdown.check_payload("a") == "a" and dropdown.check_payload(None) is None
    many = gr.Dropdown(["a", "b"], multiselect=True, max_choices=1, label="Fruit")
    with pytest.raises(gr.InvalidValueError, match=r"a list of items, each one of its choices"):
        many.check_payload(["a", "zz"])
    with pytest.raises(gr.InvalidValueError, match=r"expects a list of items"):
        many.check_payload("a")
    with pytest.raises(gr.InvalidValueError, match=r"expects at most 1 choices \(max_choices\)"):
        many.check_payload(["a", "b"])
    custom = gr.Dropdown(["a"], allow_custom_value=True)
    assert custom.check_payload("zz") == "zz"
    with pytest.raises(gr.InvalidValueError):
        custom.check_payload({"not": "a choice"})


def test_choices_updates_are_normalized():
    radio, dropdown = gr.Radio(["a"]), gr.Dropdown(["a"])
    assert radio.normalize_props({"choices": ["x", ("Why", "y")]}) == {"choices": [["x", "x"], ["Why", "y"]]}
    assert dropdown.normalize_props({"choices": [("Zed", 3)]}) == {"choices": [["Zed", 3]]}
    assert dropdown.normalize_props({"choices": [None, "py"]}) == {"choices": [["None", None], ["py", "py"]]}
    with pytest.raises(gr.BlocksError, match=r"^Dropdown update: choice True is not"):
        dropdown.normalize_props({"choices": [True]})


def test_dropdown_arguments_are_honoured_without_warnings(caplog: pytest.LogCaptureFixture, monkeypatch):
    monkeypatch.setattr(component, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="blocks"):
        gr.Dropdown(["a"], allow_custom_value=True, filterable=False, multiselect=True, max_choices=1)
        gr.Dropdown(["a"])
    assert [r.getMessage() for r in caplog.records] == []
