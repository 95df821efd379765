"""gr.Slider and gr.Checkbox: Gradio's defaults, value conversion, and client values refused."""

from __future__ import annotations

import logging

import pytest

import blocks as gr


def test_slider_defaults_as_gradio():
    slider = gr.Slider()
    assert (slider.minimum, slider.maximum, slider.step, slider.value) == (0, 100, 1, 0)
    assert slider.initial_value() == 0  # no value shows the minimum
    assert gr.Slider(5, 10).initial_value() == 5
    assert slider.props()["label"] == "Slider"
    assert gr.Slider.events == ("change", "input", "release")
    assert not hasattr(slider, "submit")  # Number's Enter event is not a slider's


@pytest.mark.parametrize("minimum, maximum, step", [(0, 1, 0.01), (0, 10, 0.1), (0, 1000, 10), (-5, 5, 0.1)])
def test_slider_default_step_is_about_a_hundredth_of_the_range(minimum, maximum, step):
    assert gr.Slider(minimum, maximum).step == pytest.approx(step)


def test_slider_rejects_an_empty_range():
    with pytest.raises(gr.BlocksError, match=r"Slider\(minimum=5, maximum=5\): minimum must be less than maximum"):
        gr.Slider(5, 5)


def test_slider_pre_and_postprocess():
    assert gr.Slider(0, 10, precision=0).preprocess(5.6) == 6
    assert gr.Slider(0, 10).preprocess(2.5) == 2.5
    assert gr.Slider(3, 10).postprocess(None) == 3
    assert gr.Slider(0, 10, precision=1).postprocess(4.44) == 4.4


@pytest.mark.parametrize("payload", [11, -0.5, None, "5", True, float("nan")])
def test_slider_refuses_values_outside_its_range(payload):
    slider = gr.Slider(0, 10, label="Volume")
    with pytest.raises(gr.InvalidValueError, match=r"^Slider 'Volume' expects a number from 0 to 10, got "):
        slider.check_payload(payload)
    assert slider.check_payload(10) == 10 and slider.check_payload(0) == 0


def test_slider_randomize_gives_each_session_a_value_on_a_step():
    slider = gr.Slider(0, 1, step=0.1, randomize=True)
    assert slider.value_is_per_session
    values = {slider.initial_value() for _ in range(200)}
    assert len(values) > 1 and values <= {round(i / 10, 1) for i in range(11)}


def test_slider_every_without_a_callable_value_warns_that_it_changes_nothing(caplog):
    with caplog.at_level(logging.WARNING, logger="blocks"), gr.Blocks() as demo:
        gr.Slider(every=1.0)
    assert "re-run a callable value" in caplog.text and demo.dependencies == []


def test_slider_api_schema():
    assert gr.Slider(2, 8).api_input_info() == {"type": "number", "minimum": 2, "maximum": 8}
    assert gr.Slider(2, 8).api_info() == {"type": "number"}


def test_checkbox_defaults_and_values():
    box = gr.Checkbox()
    assert box.value is False and box.initial_value() is False
    assert box.props()["label"] == "Checkbox"
    assert gr.Checkbox.events == ("change", "input", "select")
    assert box.preprocess(True) is True
    assert box.postprocess(None) is False and box.postprocess(1) is True
    assert box.api_info() == {"type": "boolean"}


@pytest.mark.parametrize("payload", [1, 0, "true", None, [True]])
def test_checkbox_refuses_non_bools(payload):
    with pytest.raises(gr.InvalidValueError, match=r"^Checkbox 'Agree' expects true or false, got "):
        gr.Checkbox(label="Agree").check_payload(payload)
