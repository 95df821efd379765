"""The tree, the page config and listener wiring."""

from __future__ import annotations

from typing import Optional

import blocks as gr
from blocks.callbacks import Callback
from blocks.request import EventData, Request


def test_layout_nesting_and_state_is_not_rendered():
    with gr.Blocks() as demo:
        state = gr.State(1)
        with gr.Row(elem_id="top"):
            with gr.Column(scale=2):
                name = gr.Textbox(label="Name", elem_classes="wide")
            with gr.Group():
                go = gr.Button("Go", variant="primary")
    config = demo.config()
    row = config["layout"]["children"][0]
    assert config["components"][str(row["id"])]["props"]["elem_id"] == "top"
    assert [c["children"][0]["id"] for c in row["children"]] == [name.id, go.id]
    assert str(state.id) not in config["components"]
    assert config["components"][str(name.id)]["props"]["elem_classes"] == ["wide"]


def test_interactive_is_inferred_from_use():
    with gr.Blocks() as demo:
        source, target, free = gr.Textbox(), gr.Textbox(), gr.Textbox()
        source.change(lambda x: x, source, target)
    assert demo.interactive(source) and demo.interactive(free)
    assert not demo.interactive(target)


def test_decorators_and_gr_on():
    with gr.Blocks() as demo:
        a, b = gr.Textbox(label="A"), gr.Textbox(label="B")
        button = gr.Button()

        @button.click(inputs=a, outputs=b)
        def copy(x: str) -> str:
            return x

        @gr.on([a.change, b.submit], inputs=[a, b], outputs=a)
        def join(x: str, y: str) -> str:
            return x + y

        @gr.on(inputs=[a], outputs=b)
        def on_any_change(x: str) -> str:
            return x

        @demo.load(outputs=[a])
        def start() -> str:
            return "hi"

    assert copy("x") == "x"  # the decorated function stays callable
    triggers = [d.config()["triggers"] for d in demo.dependencies]
    assert triggers == [[[button.id, "click"]], [[a.id, "change"], [b.id, "submit"]],
                        [[demo.id, "load"], [a.id, "change"]], [[demo.id, "load"]]]


def test_api_names_default_to_function_names_and_are_unique():
    with gr.Blocks() as demo:
        box = gr.Textbox()

        def greet(x: str) -> str:
            return x

        box.submit(greet, box, box)
        box.change(greet, box, box)
        box.input(greet, box, box, api_name="custom")
        box.blur(greet, box, box, api_name=False)
    assert [d.api_name for d in demo.dependencies] == ["greet", "greet_1", "custom", None]


def test_checkbox_group_choices_and_index_type():
    group = gr.CheckboxGroup([("One", 1), "two"], type="index")
    assert group.choices == [["One", 1], ["two", "two"]]
    assert group.preprocess(["two"]) == [1]


def test_request_goes_to_its_parameter_even_after_defaults():
    request, event = Request(session_hash="s"), EventData(None, "click")

    def late(a, b=1, request: gr.Request = None):
        return a, b, request

    def early(request: "gr.Request | None", a):
        return request, a

    def optional(a, request: Optional[gr.Request] = None):  # noqa: UP045
        return a, request

    assert Callback(late, "t", 1).arguments(["A"], request, event) == (["A"], {"request": request})
    assert Callback(late, "t", 2).arguments(["A", "B"], request, event) == (["A", "B", request], {})
    assert Callback(early, "t", 1).arguments(["A"], request, event) == ([request, "A"], {})
    assert Callback(optional, "t", 1).arguments(["A"], request, event) == (["A", request], {})
