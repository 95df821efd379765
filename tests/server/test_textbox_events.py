"""Textbox's .copy (gr.CopyData) and .stop (the stop button, wired with cancels= as in Gradio) over the socket."""

from __future__ import annotations

import time
from typing import Any

import blocks as gr

from .conftest import Page, value

WAIT = 10  # seconds for something that should happen at once; a failure, not a pace


def test_copy_hands_copy_data_to_the_listener(serve):
    with gr.Blocks() as demo:
        box = gr.Textbox("hello", buttons=["copy"])
        out = gr.Textbox()

        def copied(data: gr.CopyData) -> str:
            return f"{type(data).__name__} {data.value}"

        box.copy(copied, None, out)
    page = Page(serve(demo))
    assert value(page.event(box, "copy", data={"value": "hello"}), out) == "CopyData hello"


def test_stop_cancels_the_running_submit_and_runs_its_own_listener(serve):
    ticks: list[int] = []

    def stream(text: str) -> Any:
        for i in range(1000):
            ticks.append(i)
            time.sleep(0.05)
            yield f"{text}{i}"

    with gr.Blocks() as demo:
        box = gr.Textbox(submit_btn=True, stop_btn=True)
        out, said = gr.Textbox(), gr.Textbox()
        running = box.submit(stream, box, out)
        box.stop(lambda: "stopped", None, said, cancels=[running])
    page = Page(serve(demo))
    page.event(box, "submit", {box: "w"}, wait=False)
    deadline = time.monotonic() + WAIT
    while not ticks and time.monotonic() < deadline:
        time.sleep(0.01)
    assert value(page.event(box, "stop"), said) == "stopped"
    stopped_at = len(ticks)
    time.sleep(0.3)  # six ticks' time: a stream still running would have added some
    assert len(ticks) <= stopped_at + 1 and stopped_at < 100
