"""validator= and gr.Error in a browser: messages at the refused inputs, toasts that do not cover the output."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _app() -> gr.Blocks:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        out = gr.Textbox(label="Greeting")
        btn = gr.Button("Greet")
        btn.click(lambda n: f"Hello {n}", name, out, validator=lambda n: gr.validate(bool(n.strip()), "Enter a name"))
        fail = gr.Button("Fail")

        def broken():
            raise gr.Error("The oven is off", title="Kitchen", duration=None)

        fail.click(broken, None, out)
    return demo


def test_a_refused_input_shows_its_message_there_and_the_function_does_not_run(context: BrowserContext) -> None:
    with serve(_app()) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Greet").click()
        name_block = page.locator(".block", has=page.get_by_label("Name"))
        expect(name_block.get_by_role("alert")).to_have_text("Enter a name")
        expect(page.get_by_label("Greeting")).to_have_value("")
        page.get_by_label("Name").fill("Ann")
        page.get_by_role("button", name="Greet").click()
        expect(page.get_by_label("Greeting")).to_have_value("Hello Ann")
        expect(page.locator(".validation-message")).to_have_count(0)


def test_error_toast_has_its_title_stays_until_closed_and_avoids_the_output(context: BrowserContext) -> None:
    with serve(_app()) as url:
        page, _ = open_app(context, url)
        page.set_viewport_size({"width": 390, "height": 500})
        below = page.get_by_label("Greeting").bounding_box()
        assert below
        # The output ends just above the bottom of the screen, where toasts go first.
        page.set_viewport_size({"width": 390, "height": int(below["y"] + below["height"] + 30)})
        page.get_by_role("button", name="Fail").dispatch_event("click")  # without scrolling
        toast = page.get_by_role("alert").filter(has_text="The oven is off")
        expect(toast).to_contain_text("Kitchen")
        time.sleep(1)
        expect(toast).to_be_visible()  # duration=None: until closed
        box, output = toast.bounding_box(), page.get_by_label("Greeting").bounding_box()
        assert box and output
        assert box["y"] >= output["y"] + output["height"] or box["y"] + box["height"] <= output["y"]
        toast.get_by_role("button", name="Close").click()
        expect(toast).to_have_count(0)
