"""gr.render in a browser: a slider sets how many textboxes a render builds; rendered listeners work."""

from __future__ import annotations

import runpy
import time
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _app() -> gr.Blocks:
    with gr.Blocks() as demo:
        count = gr.Slider(1, 5, step=1, value=2, label="Textbox count")
        out = gr.Textbox(label="Joined")
        with gr.Column():

            @gr.render(inputs=count)
            def boxes(k):
                fields = [gr.Textbox(key=f"box-{i}", label=f"Box {i}") for i in range(k)]
                gr.Button("Join").click(lambda *v: "-".join(v), fields, out)
    return demo


def test_a_slider_sets_the_textboxes_and_a_rendered_button_writes_a_static_output(context: BrowserContext) -> None:
    with serve(_app()) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Box 1")).to_be_visible()
        expect(page.get_by_label("Box 2")).to_have_count(0)
        page.get_by_label("Box 0").fill("hello")
        page.get_by_label("Box 1").fill("world")
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_label("Joined")).to_have_value("hello-world")
        page.get_by_role("spinbutton", name="number input for Textbox count").fill("3")
        expect(page.get_by_label("Box 2")).to_be_visible()
        expect(page.get_by_label("Box 0")).to_have_value("hello")  # key= keeps what the user typed
        page.get_by_label("Box 2").fill("again")
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_label("Joined")).to_have_value("hello-world-again")
        expect(page.get_by_role("button", name="Join")).to_have_count(1)
        assert watched.messages("error") == []


def test_two_pages_see_their_own_renders(context: BrowserContext) -> None:
    with serve(_app()) as url:
        one, _ = open_app(context, url)
        two, _ = open_app(context, url)
        expect(one.get_by_label("Box 1")).to_be_visible()
        expect(two.get_by_label("Box 1")).to_be_visible()
        one.get_by_role("spinbutton", name="number input for Textbox count").fill("4")
        expect(one.get_by_label("Box 3")).to_be_visible()
        expect(two.get_by_label("Box 1")).to_be_visible()
        expect(two.get_by_label("Box 2")).to_have_count(0)
        two.get_by_label("Box 0").fill("two")
        two.get_by_label("Box 1").fill("only")
        two.get_by_role("button", name="Join").click()
        expect(two.get_by_label("Joined")).to_have_value("two-only")
        expect(one.get_by_label("Joined")).to_have_value("")


def test_the_todo_demo_adds_checks_off_and_deletes_tasks(context: BrowserContext) -> None:
    demo = runpy.run_path(str(Path(__file__).parents[2] / "demos" / "todo.py"), run_name="todo")["demo"]
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_text("Nothing to do yet.")).to_be_visible()
        for name in ("Milk", "Bread"):
            page.get_by_label("New task").fill(name)
            page.get_by_role("button", name="Add task").click()
            expect(page.get_by_role("checkbox", name=name)).to_be_visible()
        expect(page.get_by_label("New task")).to_have_value("")
        expect(page.get_by_text("2 to do, 0 done")).to_be_visible()
        page.get_by_role("checkbox", name="Milk").check()
        expect(page.get_by_text("1 to do, 1 done")).to_be_visible()
        expect(page.get_by_role("checkbox", name="Milk")).to_be_checked()
        page.get_by_role("button", name="Delete Bread").click()
        expect(page.get_by_role("checkbox", name="Bread")).to_have_count(0)
        expect(page.get_by_text("0 to do, 1 done")).to_be_visible()
        assert watched.messages("error") == []


def test_what_the_user_types_while_a_slow_rerender_is_on_its_way_is_kept(context: BrowserContext) -> None:
    """The race render_merge_simple met in CI: Box 0 typed into after Add Box was clicked but
    before the new run arrived must keep the text (key=), and Merge must read it."""
    with gr.Blocks() as demo:
        count = gr.State(1)

        def add(n):
            time.sleep(1.0)
            return n + 1

        gr.Button("Add Box").click(add, count, count)
        out = gr.Textbox(label="Merged Output")

        @gr.render(inputs=count)
        def boxes(n):
            fields = [gr.Textbox(key=i, label=f"Box {i}") for i in range(n)]
            merge.click(lambda *v: " ".join(v), fields, out)

        merge = gr.Button("Merge")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Add Box").click()
        page.get_by_label("Box 0").fill("a")  # the new run is still a second away
        expect(page.get_by_label("Box 1")).to_be_visible()
        expect(page.get_by_label("Box 0")).to_have_value("a")
        page.get_by_label("Box 1").fill("b")
        page.get_by_role("button", name="Merge").click()
        expect(page.get_by_label("Merged Output")).to_have_value("a b")
        assert watched.messages("error") == []
