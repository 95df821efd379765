"""Row, Column, Group and Blocks(fill_*) in a browser: wrapping on phones, visibility updates, sizes."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def three_buttons() -> gr.Blocks:
    with gr.Blocks() as demo:
        with gr.Row():
            for name in ("One", "Two", "Three"):
                gr.Button(name)
    return demo


def boxes(page, names):  # type: ignore[no-untyped-def]
    return [page.get_by_role("button", name=name).bounding_box() for name in names]


def test_a_row_stacks_its_children_on_a_phone(context: BrowserContext) -> None:
    with serve(three_buttons()) as url:
        page, _ = open_app(context, url)
        page.set_viewport_size({"width": 390, "height": 800})
        one, two, three = boxes(page, ("One", "Two", "Three"))
        assert one["y"] < two["y"] < three["y"]  # stacked
        assert one["x"] == two["x"] == three["x"] and one["width"] > 300  # each the full width


def test_a_row_lays_its_children_side_by_side_on_a_wide_screen(context: BrowserContext) -> None:
    with serve(three_buttons()) as url:
        page, _ = open_app(context, url)
        page.set_viewport_size({"width": 1200, "height": 800})
        one, two, three = boxes(page, ("One", "Two", "Three"))
        assert one["y"] == two["y"] == three["y"]
        assert one["x"] < two["x"] < three["x"]
        assert one["width"] == pytest.approx(two["width"], abs=1)


def test_visibility_updates_of_rows_columns_tabs_and_accordions(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        with gr.Row() as row:
            gr.Textbox(label="In row")
        with gr.Column() as column:
            gr.Textbox(label="In column")
        with gr.Tabs() as tabs:
            with gr.Tab("Only"):
                gr.Textbox(label="In tab")
        with gr.Accordion("Acc") as acc:
            gr.Textbox(label="In accordion")
        hide = gr.Button("Hide")
        show = gr.Button("Show")
        everything = [row, column, tabs, acc]
        hide.click(lambda: [gr.Row(visible=False), gr.Column(visible="hidden"), gr.Tabs(visible=False),
                            gr.Accordion(visible=False)], None, everything)
        show.click(lambda: [gr.update(visible=True)] * 4, None, everything)
    labels = ("In row", "In column", "In tab", "In accordion")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        for label in labels:
            expect(page.get_by_label(label)).to_be_visible()
        page.get_by_role("button", name="Hide").click()
        for label in labels:
            expect(page.get_by_label(label)).to_be_hidden()
        expect(page.get_by_role("tab", name="Only")).to_be_hidden()
        page.get_by_role("button", name="Show").click()
        for label in labels:
            expect(page.get_by_label(label)).to_be_visible()
        assert watched.messages("error") == []


def test_fill_width_and_fill_height(context: BrowserContext) -> None:
    with gr.Blocks(fill_width=True, fill_height=True) as demo:
        gr.Textbox(label="Wide")
    with gr.Blocks() as narrow:
        gr.Textbox(label="Narrow")
    with serve(demo) as url:
        page, _ = open_app(context, url)
        page.set_viewport_size({"width": 1600, "height": 900})
        root = page.locator("#blocks-root").bounding_box()
        assert root["width"] == pytest.approx(1600, abs=1) and root["height"] >= 899
    with serve(narrow) as url:
        page, _ = open_app(context, url)
        page.set_viewport_size({"width": 1600, "height": 900})
        root = page.locator("#blocks-root").bounding_box()
        assert root["width"] <= 1100 and root["height"] < 800
