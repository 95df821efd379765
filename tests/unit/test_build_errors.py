"""Mistakes in app code raise BlocksError while the tree is built, naming the value and the fix."""

from __future__ import annotations

import threading

import pytest

import blocks as gr


def test_output_outside_the_blocks():
    stray = gr.Number(label="Total")
    with pytest.raises(gr.BlocksError, match=r"output Number 'Total' is not part of this Blocks; create it inside"):
        with gr.Blocks():
            gr.Button("Go").click(lambda: 1, None, stray)


def test_wrong_number_of_parameters_is_one_warning_at_build_time_as_in_gradio(caplog):
    with gr.Blocks():
        a, b = gr.Textbox(label="A"), gr.Textbox(label="B")
        gr.Button("Go").click(lambda x: x, [a, b], a)  # Gradio builds it too (its fraud_detector demo)
    [warning] = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert "takes 1 input parameter(s) but the listener has 2 input(s)" in warning
    assert "each call of it fails with this message" in warning


def test_defaults_and_varargs_and_request_are_accepted():
    with gr.Blocks():
        a, b = gr.Textbox(label="A"), gr.Textbox(label="B")
        button = gr.Button("Go")
        button.click(lambda x, y=1: x, [a, b], a)
        button.click(lambda x, y=1: x, [a], a)
        button.click(lambda *xs: xs[0], [a, b], a)

        def with_request(x: str, request: gr.Request) -> str:
            return x

        button.click(with_request, a, a)


def test_unknown_component_argument_suggests_the_right_one():
    with pytest.raises(gr.BlocksError, match=r"Textbox\(\) got an unknown argument 'lable'. Did you mean 'label'\?"):
        gr.Textbox(lable="Name")


def test_gradio_only_arguments_are_accepted():
    gr.Textbox(label="Name", buttons=["copy"], container=False, autoscroll=False)


def test_unknown_listener_argument():
    with gr.Blocks():
        button = gr.Button()
        with pytest.raises(gr.BlocksError, match="unknown listener argument 'output'"):
            button.click(lambda: None, output=None)


def test_listener_outside_blocks():
    button = gr.Button("Lonely")
    with pytest.raises(gr.BlocksError, match=r"listeners must be attached inside 'with gr.Blocks\(\) as demo:'"):
        button.click(lambda: None)


def test_inputs_must_be_components():
    with gr.Blocks():
        with pytest.raises(gr.BlocksError, match="inputs must be components"):
            gr.Button().click(lambda x: x, inputs=["name"])


def test_state_must_be_deepcopyable():
    with pytest.raises(gr.BlocksError, match="cannot be deep-copied.*session_hash"):
        gr.State(threading.Lock())


def test_browser_state_must_be_json():
    with pytest.raises(gr.BlocksError, match="must be JSON"):
        gr.BrowserState({1, 2})


def test_bad_choice_values():
    with pytest.raises(gr.BlocksError, match="variant='big'"):
        gr.Button(variant="big")
    with pytest.raises(gr.BlocksError, match="type='multi'"):
        gr.CheckboxGroup(["a"], type="multi")


def test_component_rendered_twice():
    box = gr.Textbox(render=False)
    with pytest.raises(gr.BlocksError, match="already part of a Blocks"):
        with gr.Blocks():
            box.render()
            box.render()


def test_unknown_launch_argument():
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(gr.BlocksError, match="unknown argument 'sever_port'"):
        demo.launch(sever_port=1)


def test_launch_refuses_bad_auth_and_auth_dependency_rather_than_serving_an_open_app():
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(gr.BlocksError, match=r"launch\(auth='admin'\): give a \(username, password\) pair"):
        demo.launch(auth="admin", prevent_thread_lock=True, quiet=True)
    with pytest.raises(gr.BlocksError, match=r"launch\(auth_dependency=...\): authentication is not supported"):
        demo.launch(auth_dependency=lambda request: "ada", prevent_thread_lock=True, quiet=True)


def test_hidden_endpoints_stay_hidden_after_validation_runs_again():
    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.submit(lambda x: x, box, box, api_name=False)
        box.change(lambda x: x, box, box, api_visibility="private")
        box.blur(lambda x: x, box, box, show_api=False)  # Gradio 4/5: callable, not documented
    demo.validate()
    assert [(d.api_name, d.api_visibility) for d in demo.dependencies] == [
        (None, "private"), (None, "private"), ("lambda_1", "undocumented")]
