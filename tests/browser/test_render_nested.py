"""gr.render nested in gr.render, and renders inside Tabs, Columns and Accordions, in a browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _nested() -> gr.Blocks:
    with gr.Blocks() as demo:
        count = gr.Slider(1, 5, step=1, value=2, label="Rows")

        @gr.render(inputs=count)
        def rows(k):
            for i in range(k):
                word = gr.Textbox(key=f"word-{i}", label=f"Word {i}")

                @gr.render(inputs=word)
                def shout(text, i=i):
                    gr.Textbox(value=text.upper(), label=f"Loud {i}", key=f"loud-{i}")
    return demo


def test_an_outer_count_builds_boxes_each_with_an_inner_render(context: BrowserContext) -> None:
    with serve(_nested()) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Loud 1")).to_be_visible()
        page.get_by_label("Word 1").fill("hey")
        expect(page.get_by_label("Loud 1")).to_have_value("HEY")
        expect(page.get_by_label("Loud 0")).to_have_value("")
        page.get_by_role("spinbutton", name="number input for Rows").fill("3")
        expect(page.get_by_label("Loud 2")).to_be_visible()
        expect(page.get_by_label("Word 1")).to_have_value("hey")  # key= across the outer re-render
        expect(page.get_by_label("Loud 1")).to_have_value("HEY")  # the inner render re-ran with it
        page.get_by_label("Word 2").fill("new")
        expect(page.get_by_label("Loud 2")).to_have_value("NEW")
        page.get_by_role("spinbutton", name="number input for Rows").fill("1")
        expect(page.get_by_label("Word 1")).to_have_count(0)
        expect(page.get_by_label("Loud 1")).to_have_count(0)  # the dropped row's inner render went too
        expect(page.get_by_label("Loud 2")).to_have_count(0)
        expect(page.get_by_label("Loud 0")).to_have_count(1)
        assert watched.messages("error") == []


def test_renders_inside_tabs_columns_and_accordions(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name", value="ann")
        with gr.Tabs():
            with gr.Tab("First"):
                with gr.Column():
                    @gr.render(inputs=name)
                    def in_tab(text):
                        gr.Textbox(value=f"tab {text}", label="In tab")
            with gr.Tab("Second"):
                with gr.Accordion("More", open=True):
                    @gr.render(inputs=name)
                    def in_accordion(text):
                        out = gr.Textbox(label="In accordion")
                        gr.Button("Fill").click(lambda: f"acc {text}", None, out)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("In tab")).to_have_value("tab ann")
        page.get_by_label("Name").fill("bob")
        expect(page.get_by_label("In tab")).to_have_value("tab bob")
        page.get_by_role("tab", name="Second").click()
        page.get_by_role("button", name="Fill").click()
        expect(page.get_by_label("In accordion")).to_have_value("acc bob")
        page.get_by_role("tab", name="First").click()
        expect(page.get_by_label("In tab")).to_have_value("tab bob")
        assert watched.messages("error") == []


def test_a_render_in_a_tab_not_shown_yet_still_listens_to_a_static_button(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        go = gr.Button("Go")
        out = gr.Textbox(label="Out")
        with gr.Tabs():
            with gr.Tab("Front"):
                gr.Markdown("front")
            with gr.Tab("Back"):
                @gr.render()
                def hidden_part():
                    word = gr.Textbox(value="from the back tab", label="Word")
                    go.click(lambda w: w, word, out)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Go").click()
        expect(page.get_by_label("Out")).to_have_value("from the back tab")
        page.get_by_role("tab", name="Back").click()
        expect(page.get_by_label("Word")).to_have_value("from the back tab")
        assert watched.messages("error") == []
