""".select listeners of Radio, CheckboxGroup, Dropdown and Checkbox receive gr.SelectData as in Gradio."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _show(data: gr.SelectData) -> str:
    return f"{data.index} {data.value!r} {data.selected}"


def test_select_listeners_get_the_index_value_and_selected(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        size = gr.Radio([("Small", "s"), ("Large", "l")], label="Size")
        toppings = gr.CheckboxGroup(["Ham", "Egg", "Cheese"], label="Toppings")
        fruit = gr.Dropdown(["Apple", "Pear"], label="Fruit")
        many = gr.Dropdown(["Red", "Blue"], label="Colours", multiselect=True, value=[])
        agree = gr.Checkbox(label="Agree")
        said = gr.Textbox(label="Selected")
        for block in (size, toppings, fruit, many, agree):
            block.select(_show, None, said)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        selected = page.get_by_label("Selected")
        page.get_by_role("radio", name="Large").check()
        expect(selected).to_have_value("1 'l' True")
        page.get_by_role("checkbox", name="Cheese").check()
        expect(selected).to_have_value("2 'Cheese' True")
        page.get_by_role("checkbox", name="Cheese").uncheck()
        expect(selected).to_have_value("2 'Cheese' False")
        page.get_by_label("Fruit").click()
        page.get_by_role("option", name="Pear").click()
        expect(selected).to_have_value("1 'Pear' True")
        page.get_by_label("Colours").click()
        page.get_by_role("option", name="Blue").click()
        expect(selected).to_have_value("1 'Blue' True")
        page.keyboard.press("Escape")  # a multiselect's list stays open for more picks
        page.get_by_role("checkbox", name="Agree").check()
        expect(selected).to_have_value("0 'Agree' True")
        assert watched.messages("error") == []
