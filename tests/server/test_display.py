"""Display components through the simulated page: an output Label still fires select, an HTML set
interactive=False does not fire click, and an HTML value returned by a listener fires its .change."""

from __future__ import annotations

import blocks as gr

from .conftest import Page, value


def _app():
    with gr.Blocks() as demo:
        label = gr.Label()
        locked = gr.HTML("<p>locked</p>", interactive=False)
        shown = gr.HTML()
        out = gr.Textbox()

        def picked(evt: gr.SelectData) -> str:
            return f"{evt.index} {evt.value}"

        label.select(picked, None, out)
        locked.click(lambda: "clicked", None, out)
        gr.Button("Fill").click(lambda: ({"a": 0.2, "b": 0.8}, "<i>new</i>"), None, [label, shown])
        shown.change(lambda html: f"changed to {html}", shown, out)
    return demo, label, locked, shown, out


def test_an_output_label_fires_select_with_its_data(serve):
    demo, label, _, _, out = _app()
    page = Page(serve(demo))
    assert value(page.event(label, "select", data={"index": 1, "value": "a"}), out) == "1 a"


def test_html_with_interactive_false_refuses_click(serve):
    demo, _, locked, _, _ = _app()
    page = Page(serve(demo))
    page.event(locked, "click", wait=False)
    assert "not interactive" in page.recv()["message"]


def test_html_returned_by_a_listener_fires_change(serve):
    demo, label, _, shown, out = _app()
    page = Page(serve(demo))
    fill = next(b for b in demo.blocks_by_id.values() if isinstance(b, gr.Button))
    reply = page.event(fill)
    assert value(reply, shown) == "<i>new</i>"
    assert value(reply, label)["label"] == "b"
    assert value(reply, out) == "changed to <i>new</i>"
