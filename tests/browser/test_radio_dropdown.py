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


def test_type_to_filter_the_dropdown_and_pick_with_the_keyboard(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        city = gr.Dropdown(["Paris", "Lyon", "Marseille", "Perpignan"], label="City", value=None)
        chosen = gr.Textbox(label="Chosen")
        city.change(lambda c: f"city={c}", city, chosen)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        box = page.get_by_role("combobox", name="City")
        box.click()
        expect(box).to_have_attribute("aria-expanded", "true")
        expect(page.get_by_role("option")).to_have_count(4)
        box.press_sequentially("pE")  # case-insensitive, anywhere in the label
        expect(page.get_by_role("option")).to_have_text(["Perpignan"])
        box.fill("")
        box.press_sequentially("p")
        expect(page.get_by_role("option")).to_have_text(["Paris", "Perpignan"])
        box.press("ArrowDown")
        active = box.get_attribute("aria-activedescendant")
        assert active and page.locator(f"[id='{active}']").inner_text() == "Perpignan"
        box.press("Enter")
        expect(page.get_by_label("Chosen")).to_have_value("city=Perpignan")
        expect(box).to_have_value("Perpignan")
        expect(box).to_have_attribute("aria-expanded", "false")
        box.press("ArrowDown")  # opens again, with every choice
        expect(page.get_by_role("option")).to_have_count(4)
        box.press("Escape")
        expect(page.get_by_role("listbox")).to_be_hidden()
        box.fill("Lyo")
        box.press("Tab")  # not a custom-value dropdown: leaving the box keeps the choice
        expect(box).to_have_value("Perpignan")
        expect(page.get_by_label("Chosen")).to_have_value("city=Perpignan")
        assert watched.messages("error") == []


def test_a_custom_value_is_committed_with_enter_and_when_leaving_the_box(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        tag = gr.Dropdown(["news", "sport"], label="Tag", allow_custom_value=True)
        heard = gr.Textbox(label="Heard")
        tag.change(lambda t: f"tag={t}", tag, heard)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        box = page.get_by_role("combobox", name="Tag")
        box.fill("weather")
        box.press("Escape")  # no option matches; Enter takes the text itself
        box.press("Enter")
        expect(page.get_by_label("Heard")).to_have_value("tag=weather")
        box.fill("travel")
        page.get_by_label("Heard").click()  # blur
        expect(page.get_by_label("Heard")).to_have_value("tag=travel")
        expect(box).to_have_value("travel")
        assert watched.messages("error") == []


def test_multiselect_tokens_can_be_removed_and_max_choices_holds(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        pets = gr.Dropdown(["Cat", "Dog", "Fish"], label="Pets", multiselect=True, max_choices=2)
        count = gr.Textbox(label="Count")
        keyed = gr.Textbox(label="Keys")

        def keys(data: gr.KeyUpData) -> str:
            return f"key {data.key} {data.input_value}"

        pets.change(lambda p: ",".join(p), pets, count)
        pets.key_up(keys, None, keyed)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        box = page.get_by_role("combobox", name="Pets")
        box.click()
        page.get_by_role("option", name="Cat").click()
        page.get_by_role("option", name="Fish").click()
        expect(page.get_by_label("Count")).to_have_value("Cat,Fish")
        page.get_by_role("option", name="Dog").click()  # max_choices=2: refused
        expect(page.get_by_role("option", name="Dog")).to_have_attribute("aria-selected", "false")
        box.press("Escape")
        page.get_by_role("button", name="Remove Cat").click()
        expect(page.get_by_label("Count")).to_have_value("Fish")
        expect(page.get_by_role("button", name="Remove Cat")).to_have_count(0)
        box.press_sequentially("d")
        expect(page.get_by_label("Keys")).to_have_value("key d d")
        box.press("Enter")  # the only match, Dog
        expect(page.get_by_label("Count")).to_have_value("Fish,Dog")
        expect(page.get_by_role("button", name="Remove Dog")).to_be_visible()
        assert watched.messages("error") == []


def test_a_dropdown_that_is_not_filterable_is_picked_with_the_keys_only(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        size = gr.Dropdown(["S", "M", "L"], label="Size", filterable=False)
        gr.Dropdown(["A", "B"], label="Fixed", interactive=False)
        got = gr.Textbox(label="Got")
        size.change(lambda s: f"size={s}", size, got)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        box = page.get_by_role("combobox", name="Size")
        expect(box).to_have_value("S")
        expect(box).not_to_be_editable()  # Gradio: a read-only box that opens the list
        box.focus()
        page.keyboard.type("L")
        expect(page.get_by_role("option")).to_have_count(3)  # nothing was typed: no filter
        expect(page.get_by_role("option", name="S")).to_have_class("active")  # the arrows start from the choice
        box.press("ArrowDown")
        box.press("Enter")
        expect(page.get_by_label("Got")).to_have_value("size=M")
        expect(page.get_by_role("combobox", name="Fixed")).to_be_disabled()
        assert watched.messages("error") == []
