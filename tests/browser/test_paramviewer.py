"""gr.ParamViewer in a browser: rows closed, Open All / Close All, defaults and Markdown descriptions,
anchor links, and a listener replacing the value."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser

ROUND = {"number": {"type": "int | float", "description": "The number to round", "default": None},
         "ndigits": {"type": "int", "description": "How many *digits* to keep", "default": "0"}}


def test_rows_open_one_by_one_or_all_and_a_listener_replaces_them(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        viewer = gr.ParamViewer(ROUND, anchor_links="round-")
        gr.Button("Show sorted").click(lambda: {"key": {"type": "Callable", "description": "Sort key"}}, None, viewer)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_text("Parameters")).to_be_visible()
        expect(page.get_by_text("number: int | float")).to_be_visible()
        description = page.get_by_text("How many digits to keep")
        expect(description).to_be_hidden()
        page.get_by_text("ndigits: int").click()
        expect(description).to_be_visible()
        expect(page.locator("em", has_text="digits")).to_be_visible()  # the description is Markdown
        expect(page.get_by_text("= 0")).to_be_visible()
        page.get_by_role("button", name="Open All").click()
        expect(page.get_by_text("The number to round")).to_be_visible()
        page.get_by_role("button", name="Close All").click()
        expect(description).to_be_hidden()
        link = page.get_by_role("link", name="Link to ndigits")
        expect(link).to_have_attribute("href", "#round-param-ndigits")
        expect(page.locator("#round-param-ndigits")).to_have_count(1)
        page.get_by_role("button", name="Show sorted").click()
        expect(page.get_by_text("key: Callable")).to_be_visible()
        expect(page.get_by_text("ndigits: int")).to_have_count(0)
        assert watched.messages("error") == []
