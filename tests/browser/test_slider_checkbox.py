"""gr.Slider and gr.Checkbox in a browser: the range, its number box and the checkbox drive a listener."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_slider_and_checkbox_drive_a_listener(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        volume = gr.Slider(0, 10, value=2, label="Volume")
        mute = gr.Checkbox(label="Mute")
        out = gr.Textbox(label="Out")
        gr.on([volume.change, mute.change], lambda v, m: f"{v} {'muted' if m else 'on'}", [volume, mute], out)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        slider = page.get_by_role("slider", name="Volume")
        box = page.get_by_role("spinbutton", name="number input for Volume")
        expect(slider).to_have_value("2")
        expect(box).to_have_value("2")
        slider.focus()
        page.keyboard.press("ArrowRight")  # one step: 0.1 for a 0-10 range
        expect(page.get_by_label("Out")).to_have_value("2.1 on")
        expect(box).to_have_value("2.1")
        box.fill("7")
        expect(page.get_by_label("Out")).to_have_value("7 on")
        expect(slider).to_have_value("7")
        checkbox = page.get_by_role("checkbox", name="Mute")
        expect(checkbox).not_to_be_checked()
        checkbox.check()
        expect(page.get_by_label("Out")).to_have_value("7 muted")
        assert watched.messages("error") == []
