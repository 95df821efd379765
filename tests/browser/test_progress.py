"""show_progress in a browser: a slow call's output is visibly busy with the elapsed time, and not after."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _slow(text: str) -> str:
    time.sleep(1.5)
    return text.upper()


def test_full_progress_shows_a_spinner_and_the_elapsed_time_until_done(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox("abc", label="In")
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(_slow, box, out)
        quiet = gr.Textbox(label="Quiet")
        gr.Button("Quietly").click(_slow, box, quiet, show_progress="hidden")
        small = gr.Textbox(label="Small")
        gr.Button("Small").click(_slow, box, small, show_progress="minimal")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        out_block = page.locator(".block", has=page.get_by_label("Out"))
        page.get_by_role("button", name="Go").click()
        busy = out_block.get_by_role("status", name="Working")
        expect(busy).to_be_visible()
        expect(busy).to_have_text(re.compile(r"^[01]\.\ds$"))
        expect(busy).to_contain_text("1.", timeout=3000)  # the seconds count up
        expect(page.get_by_label("Out")).to_have_value("ABC")
        expect(busy).to_have_count(0)
        page.get_by_role("button", name="Quietly").click()
        time.sleep(0.5)
        expect(page.get_by_role("status", name="Working")).to_have_count(0)
        expect(page.get_by_label("Quiet")).to_have_value("ABC")
        page.get_by_role("button", name="Small").click()
        small_busy = page.locator(".block", has=page.get_by_label("Small")).get_by_role("status", name="Working")
        expect(small_busy).to_be_visible()
        expect(small_busy).to_have_text("")
        expect(page.get_by_label("Small")).to_have_value("ABC")
        expect(small_busy).to_have_count(0)
        assert watched.messages("error") == []


def test_gr_progress_draws_a_bar_with_its_description_and_percentage(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")

        def work(progress=gr.Progress()):  # noqa: B008 - Gradio's way to ask for a progress tracker
            progress(0.5, desc="Halfway")
            time.sleep(1.5)
            for _ in progress.tqdm(range(4), desc="Counting"):
                time.sleep(0.4)
            return "done"

        gr.Button("Go").click(work, None, out)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Go").click()
        busy = page.locator(".block", has=page.get_by_label("Out")).get_by_role("status", name="Working")
        expect(busy).to_contain_text("Halfway · 50%")
        expect(busy.get_by_role("progressbar", name="Halfway")).to_have_attribute("value", "0.5")
        expect(busy).to_contain_text(re.compile(r"Counting · [123]/4 steps · (25|50|75)%"))
        expect(page.get_by_label("Out")).to_have_value("done")
        expect(busy).to_have_count(0)
        assert watched.messages("error") == []


def test_show_progress_on_marks_the_named_blocks_and_scroll_to_output_shows_the_output(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox("abc", label="In")
        go = gr.Button("Go")
        gr.Markdown("\n\n".join(["Filler line."] * 60))
        out = gr.Textbox(label="Far away")
        go.click(_slow, box, out, show_progress_on=[box], scroll_to_output=True)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.set_viewport_size({"width": 390, "height": 400})
        expect(page.get_by_label("Far away")).not_to_be_in_viewport()
        page.get_by_role("button", name="Go").click()
        busy_input = page.locator(".block", has=page.get_by_label("In"))
        expect(busy_input.get_by_role("status", name="Working")).to_be_visible()
        expect(page.get_by_label("Far away")).to_have_value("ABC")
        expect(page.get_by_role("status", name="Working")).to_have_count(0)
        expect(page.get_by_label("Far away")).to_be_in_viewport()
        assert watched.messages("error") == []


def test_track_tqdm_draws_the_apps_own_tqdm_loops_per_session(new_context: Any) -> None:
    tqdm = pytest.importorskip("tqdm")
    original = tqdm.tqdm.__iter__

    def work(name: str, progress=gr.Progress(track_tqdm=True)):  # noqa: B008 - Gradio's way
        for _ in tqdm.tqdm(range(5), desc=f"Crunching {name}"):
            time.sleep(0.5)
        return f"done {name}"

    def untracked(name: str) -> str:  # a tqdm loop in a listener that did not ask: no bar
        for _ in tqdm.tqdm(range(3), desc="Hidden"):
            time.sleep(0.3)
        return "quiet"

    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(work, name, out, concurrency_limit=None)
        gr.Button("Quiet").click(untracked, name, out)
    with serve(demo) as url:
        pages = []
        for who in ("ann", "bob"):
            page, watched = open_app(new_context(), url)
            page.get_by_label("Name").fill(who)
            pages.append((page, watched))
        for page, _ in pages:
            page.get_by_role("button", name="Go").click()
        for (page, _), who in zip(pages, ("ann", "bob")):
            busy = page.locator(".block", has=page.get_by_label("Out")).get_by_role("status", name="Working")
            expect(busy).to_contain_text(re.compile(rf"Crunching {who} · [1-4]/5 it · \d+%"))
            expect(busy.get_by_role("progressbar", name=f"Crunching {who}")).to_be_visible()
        for (page, watched), who in zip(pages, ("ann", "bob")):
            expect(page.get_by_label("Out")).to_have_value(f"done {who}")
            assert watched.messages("error") == []
        assert tqdm.tqdm.__iter__ is original  # restored once no tracking listener runs
        page = pages[0][0]
        page.get_by_role("button", name="Quiet").click()
        busy = page.locator(".block", has=page.get_by_label("Out")).get_by_role("status", name="Working")
        expect(busy).to_be_visible()
        time.sleep(0.6)  # two of its steps: a tracked loop would have drawn its bar by now
        expect(busy.get_by_role("progressbar")).to_have_count(0)
        expect(page.get_by_label("Out")).to_have_value("quiet")
