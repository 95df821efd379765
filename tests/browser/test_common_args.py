"""Common component arguments as the page shows them: container=False, Number's placeholder."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_container_false_drops_the_box_and_a_number_shows_its_placeholder(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.Textbox(label="Boxed", elem_id="boxed")
        gr.Textbox(label="Bare", elem_id="bare", container=False)
        gr.Number(label="Age", value=None, placeholder="Your age")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        border = "el => getComputedStyle(el).borderTopWidth + ' ' + getComputedStyle(el).paddingTop"
        assert page.locator("#boxed").evaluate(border) != "0px 0px"
        assert page.locator("#bare").evaluate(border) == "0px 0px"
        expect(page.get_by_label("Bare")).to_be_visible()
        expect(page.get_by_label("Age")).to_have_attribute("placeholder", "Your age")
        assert watched.messages("error") == []
