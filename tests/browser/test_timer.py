"""gr.Timer in a browser: the page ticks while active; a listener stops, restarts and speeds it up."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_timer_ticks_stops_and_restarts(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        timer = gr.Timer(0.2)
        count = gr.Number(0, label="Ticks")
        stop = gr.Button("Stop")
        start = gr.Button("Start")
        timer.tick(lambda n: n + 1, count, count)
        stop.click(lambda: gr.Timer(active=False), None, timer)
        start.click(lambda: gr.Timer(value=0.1, active=True), None, timer)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        ticks = page.get_by_label("Ticks")
        at_least_three = re.compile(r"^([3-9]|\d\d+)$")  # polling may step over an exact count
        expect(ticks).to_have_value(at_least_three, timeout=5000)
        page.get_by_role("button", name="Stop").click()
        page.wait_for_timeout(300)  # let a tick already in flight land
        stopped = ticks.input_value()
        page.wait_for_timeout(800)  # four periods of 0.2 s: a running timer would have ticked
        assert ticks.input_value() == stopped
        page.get_by_role("button", name="Start").click()
        page.wait_for_function("n => Number(document.querySelector('#blocks-input-2').value) >= n",
                               arg=int(stopped) + 3, timeout=5000)
        assert watched.messages("error") == []


def test_timer_dashboard_demo_counts_and_stops(context: BrowserContext) -> None:
    demo = runpy.run_path(str(Path(__file__).parents[2] / "demos" / "timer_dashboard.py"))["demo"]
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Clock")).to_have_value(re.compile(r"^\d\d:\d\d:\d\d$"), timeout=5000)
        page.get_by_role("button", name="Stop").click()
        page.wait_for_timeout(1200)  # a tick already in flight lands within the 1 s period
        stopped = page.get_by_label("Ticks").input_value()
        page.wait_for_timeout(1500)  # longer than the period: a running timer would have ticked
        expect(page.get_by_label("Ticks")).to_have_value(stopped)
        page.get_by_role("button", name="Start").click()
        expect(page.get_by_label("Ticks")).not_to_have_value(stopped, timeout=5000)
        assert watched.messages("error") == []
