"""gr.EventData and its subclasses reach listeners annotated with them, filled from the page's event data."""

from __future__ import annotations

import blocks as gr
from blocks.callbacks import Callback

from .conftest import Page, value


def _select_app():
    with gr.Blocks() as demo:
        radio = gr.Radio(["a", "b", "c"])
        out = gr.Textbox()

        def picked(evt: gr.SelectData) -> str:
            return f"{type(evt).__name__} {evt.index} {evt.value} {evt.selected} {evt.target is radio}"

        def generic(choice, evt: gr.EventData) -> str:
            return f"{choice} {evt.event} {evt._data}"

        radio.select(picked, None, out)
        radio.change(generic, radio, out)
    return demo, radio, out


def _shown(reply, box):
    return value(reply, box)


def test_select_data_carries_the_fields_the_page_sent(serve):
    demo, radio, out = _select_app()
    page = Page(serve(demo))
    reply = page.event(radio, "select", values={radio: "b"}, data={"index": 1, "value": "b", "selected": True})
    assert _shown(reply, out) == "SelectData 1 b True True"


def test_fields_the_page_left_out_get_their_defaults_and_plain_event_data_has_the_raw_dict(serve):
    demo, radio, out = _select_app()
    page = Page(serve(demo))
    assert _shown(page.event(radio, "select"), out) == "SelectData None None True True"
    assert _shown(page.event(radio, "change", values={radio: "c"}, data={"x": 1}), out) == "c change {'x': 1}"


def test_event_data_that_is_not_an_object_is_refused_and_the_page_keeps_working(serve):
    demo, radio, out = _select_app()
    page = Page(serve(demo))
    page.event(radio, "select", data=[1, 2], wait=False)
    assert "must be an object" in page.recv()["message"]  # refused before it is queued: no done frame
    assert _shown(page.event(radio, "select", data={"index": 0, "value": "a"}), out) == "SelectData 0 a True True"


def test_string_annotations_find_the_event_data_class():
    def f(evt: "gr.KeyUpData"):  # as under `from __future__ import annotations`
        return evt

    plan = Callback(f, "test", 0).plan
    assert plan is not None and plan[0][2] is gr.KeyUpData
