"""gr.Timer over the simulated page: tick runs its listener; a returned Timer updates active and value."""

from __future__ import annotations

import blocks as gr

from .conftest import Page, value


def test_tick_runs_the_listener_and_a_returned_timer_updates_it(serve):
    with gr.Blocks() as demo:
        timer = gr.Timer(0.2)
        count = gr.Number(0, label="Ticks")
        timer.tick(lambda n: n + 1, count, count)
        stop = gr.Button("Stop")
        stop.click(lambda: gr.Timer(value=0.5, active=False), None, timer)
    page = Page(serve(demo))
    assert value(page.event(timer, "tick"), count) == 1
    reply = page.event(stop, "click")
    assert reply[str(timer.id)] == {"active": False, "value": 0.5}
