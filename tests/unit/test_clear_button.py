"""gr.ClearButton: Gradio's signature, and one click listener per add() whose outputs stay editable."""

from __future__ import annotations

import inspect

import blocks as gr


def test_clear_button_signature_is_gradios() -> None:
    params = list(inspect.signature(gr.ClearButton).parameters)
    assert params[:2] == ["components", "value"]
    assert gr.ClearButton(render=False).value == "Clear"


def test_each_add_registers_a_click_and_cleared_components_stay_editable() -> None:
    with gr.Blocks() as demo:
        name, kept = gr.Textbox(label="Name"), gr.State([1])
        clear = gr.ClearButton(name)
        clear.add(kept)
    assert clear.components == [name, kept]
    assert [d.outputs for d in demo.dependencies] == [[name], [kept]]
    assert demo.interactive(name) is True
