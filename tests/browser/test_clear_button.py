"""gr.ClearButton in a browser: one click empties its components and fires their change listeners."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_clear_button_empties_its_components_and_resets_state(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        age = gr.Number(label="Age")
        toppings = gr.CheckboxGroup(["Ham", "Egg"], label="Toppings")
        clicks = gr.State(0)
        count = gr.Button("Count")
        shown = gr.Textbox(label="Clicks")
        changes = gr.Textbox(label="Name changes", value="0")
        count.click(lambda n: (n + 1, str(n + 1)), clicks, [clicks, shown])
        name.change(lambda c: str(int(c) + 1), changes, changes)
        clear = gr.ClearButton([name, age], value="Start over")
        clear.add([toppings, clicks])
        show = gr.Button("Show clicks")
        show.click(lambda n: str(n), clicks, shown)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Name", exact=True).fill("Ada")
        page.get_by_label("Age").fill("36")
        page.get_by_role("checkbox", name="Egg").check()
        page.get_by_role("button", name="Count").click()
        expect(page.get_by_label("Clicks")).to_have_value("1")
        expect(page.get_by_label("Name changes")).to_have_value("1")

        page.get_by_role("button", name="Start over").click()
        expect(page.get_by_label("Name", exact=True)).to_have_value("")
        expect(page.get_by_label("Age")).to_have_value("")
        expect(page.get_by_role("checkbox", name="Egg")).not_to_be_checked()
        expect(page.get_by_label("Name changes")).to_have_value("2")  # clearing fired Name's change
        page.get_by_role("button", name="Show clicks").click()
        expect(page.get_by_label("Clicks")).to_have_value("0")  # the State is back at its initial value
        assert watched.messages("error") == []
