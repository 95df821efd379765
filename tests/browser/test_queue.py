"""The queue seen from two browsers: the second user's outputs say where it waits, then the
result arrives; a Stop button with cancels= stops a running stream."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_a_waiting_user_sees_their_queue_position_then_the_result(new_context: Any) -> None:
    gate = threading.Event()

    def generate(prompt: str) -> str:
        assert gate.wait(20)
        return f"image of {prompt}"

    with gr.Blocks() as demo:
        prompt = gr.Textbox(label="Prompt")
        image = gr.Textbox(label="Result")
        gr.Button("Generate").click(generate, prompt, image)
    try:
        with serve(demo) as url:
            first, _ = open_app(new_context(), url)
            second, _ = open_app(new_context(), url)
            first.get_by_label("Prompt").fill("a cat")
            first.get_by_role("button", name="Generate").click()
            second.get_by_label("Prompt").fill("a dog")
            second.get_by_role("button", name="Generate").click()
            expect(second.get_by_role("status").filter(has_text="queue: 1/1")).to_be_visible()
            gate.set()
            expect(first.get_by_label("Result")).to_have_value("image of a cat")
            expect(second.get_by_label("Result")).to_have_value("image of a dog")
            expect(second.get_by_role("status").filter(has_text="queue:")).to_have_count(0)
    finally:
        gate.set()



def test_a_waiting_user_sees_the_expected_time_once_the_listener_has_run(new_context: Any) -> None:
    def slow(prompt: str) -> str:
        time.sleep(1.2)
        return f"image of {prompt}"

    with gr.Blocks() as demo:
        prompt = gr.Textbox(label="Prompt")
        image = gr.Textbox(label="Result")
        gr.Button("Generate").click(slow, prompt, image, concurrency_limit=1)
    with serve(demo) as url:
        first, _ = open_app(new_context(), url)
        second, _ = open_app(new_context(), url)
        first.get_by_label("Prompt").fill("a cat")
        first.get_by_role("button", name="Generate").click()
        expect(first.get_by_label("Result")).to_have_value("image of a cat", timeout=5000)
        first.get_by_role("button", name="Generate").click()  # the server now knows a run takes ~1.2 s
        busy = first.locator(".block", has=first.get_by_label("Result")).get_by_role("status", name="Working")
        expect(busy).to_have_text(re.compile(r"^\d\.\d/1\.\ds$"))  # elapsed/expected while it runs
        second.get_by_label("Prompt").fill("a dog")
        second.get_by_role("button", name="Generate").click()
        waiting = second.locator(".block", has=second.get_by_label("Result")).get_by_role("status", name="Working")
        expect(waiting).to_have_text(re.compile(r"^queue: 1/1 \| \d\.\d/[12]\.\ds$"))
        expect(second.get_by_label("Result")).to_have_value("image of a dog", timeout=6000)
        expect(second.get_by_role("status").filter(has_text="queue:")).to_have_count(0)

@pytest.fixture
def ticker() -> Iterator[tuple[str, list[int]]]:
    ticks: list[int] = []

    def tick() -> Any:
        for i in range(1, 10_000):
            ticks.append(i)
            time.sleep(0.05)
            yield i

    with gr.Blocks() as demo:
        count = gr.Number(label="Count")
        start, stop = gr.Button("Start"), gr.Button("Stop")
        run = start.click(tick, None, count)
        stop.click(None, None, None, cancels=[run])
    with serve(demo) as url:
        yield url, ticks


def test_stop_with_cancels_stops_a_running_stream(context: BrowserContext, ticker: tuple[str, list[int]]) -> None:
    url, ticks = ticker
    page, _ = open_app(context, url)
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_label("Count")).not_to_have_value("0")
    page.get_by_role("button", name="Stop").click()
    expect(page.locator(".pending")).to_have_count(0)
    shown = page.get_by_label("Count").input_value()
    time.sleep(0.5)  # ten ticks' time: a stream still running would have moved the count
    assert page.get_by_label("Count").input_value() == shown
    assert len(ticks) < 200
