"""gr.Accordion and gr.Sidebar in a browser: native details/summary, a toggle button, their events."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_accordion_opens_closes_and_follows_updates(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        with gr.Accordion("Advanced", open=False) as advanced:
            gr.Textbox(label="Seed")
        log = gr.Textbox(label="Log")
        close = gr.Button("Close it")
        advanced.expand(lambda: "expanded", None, log)
        advanced.collapse(lambda: "collapsed", None, log)
        close.click(lambda: gr.Accordion(open=False, label="Advanced (closed by a listener)"), None, advanced)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        summary = page.locator("details > summary", has_text="Advanced")
        expect(page.get_by_label("Seed")).to_be_hidden()
        summary.click()
        expect(page.get_by_label("Seed")).to_be_visible()
        expect(page.get_by_label("Log")).to_have_value("expanded")
        summary.click()
        expect(page.get_by_label("Seed")).to_be_hidden()
        expect(page.get_by_label("Log")).to_have_value("collapsed")
        summary.focus()
        page.keyboard.press("Enter")  # the keyboard toggles it too
        expect(page.get_by_label("Seed")).to_be_visible()
        expect(page.get_by_label("Log")).to_have_value("expanded")
        page.get_by_role("button", name="Close it").click()
        expect(page.get_by_text("Advanced (closed by a listener)")).to_be_visible()
        expect(page.get_by_label("Seed")).to_be_hidden()
        expect(page.get_by_label("Log")).to_have_value("expanded")  # an update is not the user's toggle
        assert watched.messages("error") == []


def test_sidebar_toggles_and_fires_its_events(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        with gr.Sidebar(label="Filters", position="right", open=True) as side:
            gr.Textbox(label="Query")
        log = gr.Textbox(label="Log")
        side.collapse(lambda: "collapsed", None, log)
        side.expand(lambda: "expanded", None, log)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        toggle = page.get_by_role("button", name="Toggle Sidebar")
        panel = page.get_by_role("complementary", name="Filters")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(panel.get_by_label("Query")).to_be_visible()
        box = panel.bounding_box()
        assert box and box["x"] + box["width"] == pytest.approx(page.viewport_size["width"], abs=1)  # right edge
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(page.get_by_label("Query")).to_be_hidden()
        expect(page.get_by_label("Log")).to_have_value("collapsed")
        expect(toggle).to_be_in_viewport()  # the toggle stays reachable when the panel is closed
        toggle.click()
        expect(page.get_by_label("Query")).to_be_visible()
        expect(page.get_by_label("Log")).to_have_value("expanded")
        assert watched.messages("error") == []
