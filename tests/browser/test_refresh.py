"""every= and inputs= on a callable value in a browser: a clock that ticks, a value that follows a
slider, and ticks that stop while the page is hidden."""

from __future__ import annotations

import itertools
import re

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_a_clock_textbox_changes_and_a_number_follows_its_slider(context: BrowserContext) -> None:
    ticks = itertools.count()
    with gr.Blocks() as demo:
        gr.Textbox(value=lambda: f"tick {next(ticks)}", every=0.5, label="Clock")
        level = gr.Slider(0, 10, step=1, value=2, label="Level")
        gr.Number(value=lambda n: n * 100, inputs=[level], every=1, label="Scaled")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        clock = page.get_by_label("Clock")
        expect(clock).to_have_value(re.compile(r"^tick \d+$"))
        first = clock.input_value()
        expect(clock).not_to_have_value(first, timeout=3000)  # the next tick, 0.5 s later
        expect(page.get_by_label("Scaled")).to_have_value("200")
        page.get_by_role("spinbutton", name="number input for Level").fill("7")
        expect(page.get_by_label("Scaled")).to_have_value("700")
        assert watched.messages("error") == []


def test_ticks_stop_while_the_page_is_hidden(context: BrowserContext) -> None:
    calls: list[int] = []
    with gr.Blocks() as demo:
        gr.Textbox(value=lambda: str(calls.append(1) or len(calls)), every=0.2, label="Count")
    with serve(demo) as url:
        page, _ = open_app(context, url)
        expect(page.get_by_label("Count")).to_have_value(re.compile(r"^([3-9]|\d\d+)$"), timeout=5000)
        page.evaluate("""() => {
            Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
            document.dispatchEvent(new Event("visibilitychange"));
        }""")
        page.wait_for_timeout(400)  # a tick already in flight lands
        hidden_at = len(calls)
        page.wait_for_timeout(1000)  # five periods: a ticking page would have called it again
        assert len(calls) == hidden_at
        page.evaluate("""() => {
            Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
            document.dispatchEvent(new Event("visibilitychange"));
        }""")
        expect(page.get_by_label("Count")).not_to_have_value(str(hidden_at), timeout=3000)


def test_a_rendered_clock_ticks_and_stops_with_its_render(context: BrowserContext) -> None:
    ticks = itertools.count()
    with gr.Blocks() as demo:
        shown = gr.Checkbox(True, label="Show clock")

        @gr.render(inputs=shown)
        def clock(on):
            if on:
                gr.Textbox(value=lambda: f"tick {next(ticks)}", every=0.3, label="Rendered clock")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        box = page.get_by_label("Rendered clock")
        expect(box).to_have_value(re.compile(r"^tick \d+$"))
        first = box.input_value()
        expect(box).not_to_have_value(first, timeout=3000)
        page.get_by_label("Show clock").uncheck()
        expect(box).to_have_count(0)
        page.wait_for_timeout(300)  # a tick already in flight lands
        stopped = next(ticks)
        page.wait_for_timeout(900)  # three periods: a timer left behind would have ticked
        assert next(ticks) == stopped + 1
        assert watched.messages("error") == []
