"""gr.ColorPicker and gr.DateTime in a browser: native inputs named by their labels drive listeners."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_colour_and_date_reach_the_callback_and_come_back(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        colour = gr.ColorPicker("#112233", label="Colour")
        when = gr.DateTime("2024-01-02 03:04:05", label="When", type="string")
        day = gr.DateTime(label="Day", include_time=False, type="datetime")
        out = gr.Textbox(label="Out")
        shown = gr.Textbox(label="Day seen")
        colour.change(lambda c: f"colour {c}", colour, out)
        when.change(lambda w: f"when {w}", when, out)
        day.change(lambda d: (f"day {d.year}-{d.month}-{d.day}", "2030-12-31 23:59:58"), day, [shown, when])
    with serve(demo) as url:
        page, watched = open_app(context, url)
        picker = page.get_by_label("Colour")
        expect(picker).to_have_attribute("type", "color")
        expect(picker).to_have_value("#112233")
        picker.fill("#ff8800")
        expect(page.get_by_label("Out")).to_have_value("colour #ff8800")
        moment = page.get_by_label("When")
        expect(moment).to_have_attribute("type", "datetime-local")
        expect(moment).to_have_value("2024-01-02T03:04:05")
        moment.fill("2025-06-07T08:09:10")
        expect(page.get_by_label("Out")).to_have_value("when 2025-06-07 08:09:10")
        date = page.get_by_label("Day", exact=True)
        expect(date).to_have_attribute("type", "date")
        date.fill("2026-03-04")
        expect(page.get_by_label("Day seen")).to_have_value("day 2026-3-4")
        expect(moment).to_have_value("2030-12-31T23:59:58")
        expect(page.get_by_label("Out")).to_have_value("when 2030-12-31 23:59:58")  # an update fires change
        assert watched.messages("error") == []
