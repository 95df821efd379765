"""What a component given no value or no label shows and sends, compared with Gradio's."""

from __future__ import annotations

import httpx

import blocks as gr

from .conftest import Page, value


def number_app() -> tuple[gr.Blocks, gr.Number, gr.Button, gr.Textbox]:
    with gr.Blocks() as demo:
        number = gr.Number()
        check = gr.Button("Check")
        received = gr.Textbox(label="Received")
        check.click(lambda n: f"{n!r} {type(n).__name__}", number, received)
    return demo, number, check, received


def test_a_number_without_a_value_sends_0_and_a_typed_integer_arrives_as_int(serve):
    demo, number, check, received = number_app()
    page = Page(serve(demo))
    assert value(page.event(check), received) == "0 int"  # Gradio's page shows 0 and sends it
    # The page sends Number(input.value), which JSON-encodes as 30 whether the user typed 30 or 30.0.
    assert value(page.event(check, values={number: 30}), received) == "30 int"
    assert value(page.event(check, values={number: 30.5}), received) == "30.5 float"


def test_components_without_a_label_get_gradios_default_in_the_config(serve):
    with gr.Blocks() as demo:
        parts = {"Textbox": gr.Textbox(), "Number": gr.Number(show_label=False),
                 "Checkbox Group": gr.CheckboxGroup(["a", "b"]), None: gr.Button("Go")}
    config = httpx.get(serve(demo) + "config").json()["components"]
    labels = {expected: config[str(part.id)]["props"].get("label") for expected, part in parts.items()}
    assert labels == {expected: expected for expected in parts}
    number = config[str(parts["Number"].id)]["props"]
    assert (number["show_label"], number["value"]) == (False, 0)
