"""gr.Walkthrough / gr.Step in a browser, as Gradio 6.31 shows them: numbered steps in a tablist,
later steps disabled until a listener moves on, earlier ones marked done and clickable."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _picked(evt: gr.SelectData) -> str:
    return f"{evt.index} {evt.value}"


def walkthrough_demo() -> gr.Blocks:
    with gr.Blocks() as demo:
        with gr.Walkthrough(selected=0) as walkthrough:
            for i, name in enumerate(["Introduction", "Details", "Review"]):
                with gr.Step(name, id=i):
                    gr.Textbox(label=f"{name} notes")
                    if i < 2:
                        gr.Button(f"Next from {name}").click(lambda i=i: gr.Walkthrough(selected=i + 1),
                                                             outputs=walkthrough)
        picked = gr.Textbox(label="Picked")
        walkthrough.select(_picked, None, picked)
    return demo


def test_steps_are_reached_by_listeners_and_gone_back_to_by_clicks(context: BrowserContext) -> None:
    with serve(walkthrough_demo()) as url:
        page, watched = open_app(context, url)
        steps = page.get_by_role("tablist")
        expect(steps.get_by_role("tab")).to_have_count(3)
        expect(page.get_by_role("tab", name="1 Introduction")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_role("tab", name="2 Details")).to_be_disabled()
        expect(page.get_by_role("tab", name="3 Review")).to_be_disabled()
        expect(page.get_by_label("Introduction notes")).to_be_visible()
        expect(page.get_by_label("Details notes")).to_have_count(0)  # not mounted until shown, as a Tab's

        page.get_by_label("Introduction notes").fill("kept")
        page.get_by_role("button", name="Next from Introduction").click()
        page.get_by_role("button", name="Next from Details").click()
        expect(page.get_by_role("tab", name="3 Review")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_label("Review notes")).to_be_visible()
        expect(page.get_by_label("Details notes")).to_be_hidden()
        done = page.get_by_role("tab", name="Introduction", exact=True)  # a check mark instead of its number
        expect(done).to_be_enabled()
        expect(page.get_by_role("tab", name="Details", exact=True)).to_be_enabled()

        done.click()
        expect(page.get_by_role("tab", name="1 Introduction")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_label("Introduction notes")).to_have_value("kept")
        expect(page.get_by_label("Picked")).to_have_value("0 Introduction")
        expect(page.get_by_role("tab", name="2 Details")).to_be_disabled()  # ahead of the step shown again
        assert watched.messages("error") == []
