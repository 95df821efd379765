"""every= and inputs= on a component with a callable value (blocks/refresh.py)."""

import itertools

import pytest

import blocks as gr
from tests.server.conftest import Page, value


def _timer_of(demo, component):
    [dep] = [d for d in demo.dependencies if component in d.outputs]
    return next(t.block for t in dep.triggers if t.event == "tick")


def test_a_callable_value_with_inputs_is_computed_at_load_and_follows_its_inputs(serve):
    with gr.Blocks() as demo:
        a = gr.Slider(0, 10, value=3, label="A")
        b = gr.Number(value=4, label="B")
        total = gr.Number(value=lambda x, y: x + y, inputs=[a, b], label="Total")
    page = Page(serve(demo))
    assert value(page.load_updates, total) == 7  # fn(a, b) with this session's values, at load
    assert value(page.event(a, "change", values={a: 5}), total) == 9
    assert value(page.event(b, "change", values={b: 10}), total) == 15
    other = Page(serve(demo))
    assert value(other.load_updates, total) == 7  # another session reads its own inputs


def test_every_ticks_a_hidden_timer_whose_listener_re_runs_the_value(serve):
    counter = itertools.count()
    with gr.Blocks() as demo:
        clock = gr.Textbox(value=lambda: f"tick {next(counter)}", every=0.5, label="Clock")
    timer = _timer_of(demo, clock)
    assert isinstance(timer, gr.Timer) and timer.value == 0.5
    page = Page(serve(demo))
    first = value(page.event(timer, "tick"), clock)
    second = value(page.event(timer, "tick"), clock)
    assert first.startswith("tick ") and first != second


def test_every_may_be_a_timer_and_inputs_are_read_at_each_tick(serve):
    with gr.Blocks() as demo:
        timer = gr.Timer(1)
        word = gr.Textbox(value="a", label="Word")
        echo = gr.Textbox(value=lambda w: w * 2, inputs=word, every=timer, label="Echo")
    assert _timer_of(demo, echo) is timer
    page = Page(serve(demo))
    assert value(page.load_updates, echo) == "aa"
    assert value(page.event(timer, "tick", values={word: "b"}), echo) == "bb"  # what the user typed since
    assert value(page.event(timer, "tick"), echo) == "bb"


def test_bad_every_and_listener_every_are_refused_with_the_fix():
    with pytest.raises(gr.BlocksError, match="every=0"), gr.Blocks():
        gr.Textbox(value=lambda: "x", every=0)
    with pytest.raises(gr.BlocksError, match="gr.Timer"), gr.Blocks():
        gr.Button().click(lambda: None, every=1)


def test_a_rendered_component_refreshes_too(serve):
    with gr.Blocks() as demo:
        n = gr.Number(value=2, label="N")

        @gr.render(inputs=n)
        def show(k):
            src = gr.Number(value=k, label="Src")
            gr.Number(value=lambda x: x * 10, inputs=src, label="Times ten")
    page = Page(serve(demo))
    frames = [m for m in page.messages if m["type"] == "render"]
    ids = {c["props"]["label"]: int(i) for i, c in frames[-1]["components"].items() if "label" in c["props"]}
    updates = page.load_updates
    assert updates[str(ids["Times ten"])]["value"] == 20
