"""gr.Textbox in a browser: .key_up gives gr.KeyUpData (the key released and the text at that moment)."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_key_up_reports_the_key_and_the_text(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        query = gr.Textbox(label="Query")
        heard = gr.Textbox(label="Heard")

        def hear(data: gr.KeyUpData) -> str:
            return f"{data.key} {data.input_value}"

        query.key_up(hear, None, heard)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Query").press_sequentially("hi")
        expect(page.get_by_label("Heard")).to_have_value("i hi")
        assert watched.messages("error") == []
