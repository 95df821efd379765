"""gr.Examples and gr.Dataset in a browser: a table of examples a user clicks (or reaches with the
keyboard) to fill the inputs, pages of examples, and samples shown as their components show values."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _form():
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        age = gr.Number(label="Age")
        member = gr.Checkbox(label="Member")
        colour = gr.Dropdown(["red", "blue"], label="Colour")
        out = gr.Textbox(label="Card")
        gr.Examples([["Ada", 36, True, "blue"], ["Bob", 7, False, "red"]], [name, age, member, colour], out,
                    fn=lambda n, a, m, c: f"{n} ({a:g}) {'member' if m else 'guest'} {c}", run_on_click=True)
    return demo


def test_clicking_an_example_row_fills_the_inputs_and_runs_fn(context: BrowserContext) -> None:
    with serve(_form()) as url:
        page, watched = open_app(context, url)
        table = page.get_by_role("table")
        expect(table.get_by_role("columnheader")).to_have_text(["Name", "Age", "Member", "Colour"])
        expect(table.get_by_role("row")).to_have_count(3)  # the header row and one per example
        page.get_by_role("row", name="Bob 7").click()
        expect(page.get_by_label("Name", exact=True)).to_have_value("Bob")
        expect(page.get_by_label("Age", exact=True)).to_have_value("7")
        expect(page.get_by_label("Member", exact=True)).not_to_be_checked()
        expect(page.get_by_role("combobox", name="Colour")).to_have_value("red")
        expect(page.get_by_label("Card", exact=True)).to_have_value("Bob (7) guest red")
        row = page.get_by_role("row", name="Ada 36")
        row.focus()
        page.keyboard.press("Enter")  # rows are reachable and usable with the keyboard
        expect(page.get_by_label("Name", exact=True)).to_have_value("Ada")
        expect(page.get_by_label("Member", exact=True)).to_be_checked()
        expect(page.get_by_role("combobox", name="Colour")).to_have_value("blue")
        expect(page.get_by_label("Card", exact=True)).to_have_value("Ada (36) member blue")
        expect(row.get_by_role("cell", name="true", exact=True)).to_be_visible()  # a Checkbox: true/false, as Gradio
        assert watched.messages("error") == []


def test_examples_beyond_a_page_are_reached_by_page_buttons(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        word = gr.Textbox(label="Word")
        gr.Examples([f"word {i}" for i in range(12)], word, examples_per_page=5)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        samples = page.get_by_role("button", name="word ")
        expect(samples).to_have_count(5)
        expect(page.get_by_role("button", name="word 5")).to_have_count(0)
        pages = page.get_by_role("navigation", name="Pages")
        expect(pages.get_by_role("button")).to_have_text(["1", "2", "3"])
        pages.get_by_role("button", name="3").click()
        expect(samples).to_have_text(["word 10", "word 11"])
        expect(pages.get_by_role("button", name="3")).to_have_attribute("aria-current", "page")
        page.get_by_role("button", name="word 11").click()
        expect(page.get_by_label("Word", exact=True)).to_have_value("word 11")


def test_samples_show_as_their_components_show_values(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        dataset = gr.Dataset(components=[gr.Markdown(visible=False), gr.ColorPicker(visible=False)],
                             samples=[["# Big **news**", "#ff0000"]], headers=["Text", "Colour"])
        more = gr.Button("More")
        more.click(lambda: gr.Dataset(samples=[["*new*", "#00ff00"], ["two", "#0000ff"]]), None, dataset)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        table = page.get_by_role("table")
        expect(table.get_by_role("heading", name="Big news")).to_be_visible()  # Markdown rendered
        swatch = table.locator(".dataset-swatch")
        expect(swatch).to_have_css("background-color", "rgb(255, 0, 0)")
        page.get_by_role("button", name="More").click()
        expect(table.get_by_role("row")).to_have_count(3)
        expect(table.locator("em")).to_have_text("new")
