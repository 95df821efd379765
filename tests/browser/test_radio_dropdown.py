"""gr.Radio and gr.Dropdown in a browser: a choice picked reaches the listener, new choices show up."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_pick_a_radio_choice_and_a_dropdown_option_then_change_the_choices(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        size = gr.Radio([("Small", "s"), ("Large", "l")], label="Size", type="index")
        fruit = gr.Dropdown(["Apple", "Pear"], label="Fruit")
        order = gr.Textbox(label="Order")
        more = gr.Button("More fruit")
        gr.on([size.change, fruit.change], lambda s, f: f"{s} {f}", [size, fruit], order)
        more.click(lambda: gr.update(choices=["Apple", "Pear", ("Fig (fresh)", "Fig")]), None, fruit)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_role("group", name="Size").get_by_role("radio")).to_have_count(2)
        expect(page.get_by_role("radio", name="Small")).not_to_be_checked()
        page.get_by_role("radio", name="Large").check()
        expect(page.get_by_label("Order")).to_have_value("1 Apple")  # type="index": its position
        page.get_by_label("Fruit").click()
        page.get_by_role("option", name="Pear").click()
        expect(page.get_by_label("Order")).to_have_value("1 Pear")
        expect(page.get_by_role("radio", name="Large")).to_be_checked()

        page.get_by_role("button", name="More fruit").click()
        page.get_by_label("Fruit").click()
        fruits = page.get_by_role("listbox")  # the open one
        expect(fruits.get_by_role("option")).to_have_text(["Apple", "Pear", "Fig (fresh)"])
        expect(fruits.get_by_role("option", selected=True)).to_have_text("Pear")  # still chosen
        fruits.get_by_role("option", name="Fig (fresh)").click()
        expect(page.get_by_label("Order")).to_have_value("1 Fig")
        assert watched.messages("error") == []
