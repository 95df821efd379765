"""gr.Dataframe in a browser: edited cell by cell from the keyboard, typed values reach the function,
sorting by a header, search, adding a row, select with row/column/value, a long table stays quick."""

from __future__ import annotations

import time

import pandas as pd
import pytest
from playwright.sync_api import BrowserContext, Page, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _people() -> gr.Blocks:
    with gr.Blocks() as demo:
        frame = pd.DataFrame({"name": ["Cy", "Ann", "Bob"], "age": [30, 4, 25], "ok": [True, False, True]})
        people = gr.Dataframe(frame, datatype=["str", "number", "bool"], interactive=True, show_search="search",
                              label="People")
        seen = gr.Textbox(label="Seen")
        picked = gr.Textbox(label="Picked")

        def describe(frame: pd.DataFrame) -> str:
            rows = frame.to_dict(orient="split")["data"]
            return f"{rows} {[type(v).__name__ for v in frame.iloc[-1]]}"

        def pick(event: gr.SelectData) -> str:
            return f"{event.index} {event.value} {event.row_value} {event.col_value}"
        people.change(describe, people, seen)
        people.select(pick, None, picked)
    return demo


def _cells(page: Page) -> list[str]:
    return page.get_by_role("grid", name="People").get_by_role("gridcell").all_inner_texts()


def _edit(page: Page, cell_index: int, text: str) -> None:
    page.get_by_role("grid", name="People").get_by_role("gridcell").nth(cell_index).click()
    page.keyboard.press("Enter")
    editor = page.get_by_role("textbox", name="Edit cell")
    expect(editor).to_be_focused()
    editor.fill(text)
    page.keyboard.press("Enter")


def test_cells_edited_from_the_keyboard_reach_the_function_typed(context: BrowserContext) -> None:
    with serve(_people()) as url:
        page, watched = open_app(context, url)
        grid = page.get_by_role("grid", name="People")
        expect(grid.get_by_role("columnheader")).to_have_text(["name", "age", "ok"])
        _edit(page, 4, "41")  # Ann's age
        expect(page.get_by_label("Seen")).to_have_value(
            "[['Cy', 30, True], ['Ann', 41, False], ['Bob', 25, True]] ['str', 'int64', 'bool']")
        # arrows move the focus; typing on a cell starts editing it with that key
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowLeft")
        page.keyboard.type("Bea")
        page.keyboard.press("Enter")
        expect(page.get_by_label("Seen")).to_have_value(
            "[['Cy', 30, True], ['Ann', 41, False], ['Bea', 25, True]] ['str', 'int64', 'bool']")
        page.keyboard.press("Escape")
        # a bool cell is a checkbox named by its column and row
        page.get_by_role("checkbox", name="ok 3").uncheck()
        expect(page.get_by_label("Seen")).to_have_value(
            "[['Cy', 30, True], ['Ann', 41, False], ['Bea', 25, False]] ['str', 'int64', 'bool']")
        # Escape drops an edit
        grid.get_by_role("gridcell").nth(0).click()
        page.keyboard.press("Enter")
        page.get_by_role("textbox", name="Edit cell").fill("nobody")
        page.keyboard.press("Escape")
        expect(grid.get_by_role("gridcell").nth(0)).to_have_text("Cy")
        assert watched.messages("error") == []


def test_a_number_cell_typed_with_a_fraction_is_a_float(context: BrowserContext) -> None:
    with serve(_people()) as url:
        page, _ = open_app(context, url)
        _edit(page, 7, "2.5")
        expect(page.get_by_label("Seen")).to_have_value(
            "[['Cy', 30.0, True], ['Ann', 4.0, False], ['Bob', 2.5, True]] ['str', 'float64', 'bool']")


def test_sorting_by_a_header_and_searching_change_what_is_shown(context: BrowserContext) -> None:
    with serve(_people()) as url:
        page, _ = open_app(context, url)
        grid = page.get_by_role("grid", name="People")
        age = grid.get_by_role("columnheader", name="age")
        expect(age).to_have_attribute("aria-sort", "none")
        age.get_by_role("button").click()
        expect(age).to_have_attribute("aria-sort", "ascending")
        expect(grid.get_by_role("row")).to_have_text(["nameageok", "Ann4", "Bob25", "Cy30"])
        age.get_by_role("button").click()
        expect(age).to_have_attribute("aria-sort", "descending")
        expect(grid.get_by_role("row")).to_have_text(["nameageok", "Cy30", "Bob25", "Ann4"])
        # an edit of a sorted table changes the right row
        _edit(page, 0, "Cyd")
        expect(page.get_by_label("Seen")).to_have_value(
            "[['Cyd', 30, True], ['Ann', 4, False], ['Bob', 25, True]] ['str', 'int64', 'bool']")
        page.get_by_role("searchbox", name="Search").fill("an")
        expect(grid.get_by_role("row")).to_have_text(["nameageok", "Ann4"])


def test_a_row_added_by_the_user_is_in_the_value(context: BrowserContext) -> None:
    with serve(_people()) as url:
        page, _ = open_app(context, url)
        page.get_by_role("button", name="Add row").click()
        expect(page.get_by_label("Seen")).to_have_value(
            "[['Cy', 30, True], ['Ann', 4, False], ['Bob', 25, True], ['', 0, False]] ['str', 'int64', 'bool']")
        expect(page.get_by_role("grid", name="People").get_by_role("gridcell").nth(9)).to_be_focused()
        page.keyboard.type("Dee")
        page.keyboard.press("Enter")
        expect(page.get_by_label("Seen")).to_have_value(
            "[['Cy', 30, True], ['Ann', 4, False], ['Bob', 25, True], ['Dee', 0, False]] ['str', 'int64', 'bool']")


def test_select_gives_the_index_value_row_and_column(context: BrowserContext) -> None:
    with serve(_people()) as url:
        page, _ = open_app(context, url)
        page.get_by_role("grid", name="People").get_by_role("gridcell").nth(5).click()
        expect(page.get_by_label("Picked")).to_have_value("[1, 2] False ['Ann', 4, False] [True, False, True]")


def test_a_static_table_cannot_be_edited(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.Dataframe([[1, True]], headers=["n", "b"], datatype=["number", "bool"], interactive=False, label="T")
    with serve(demo) as url:
        page, _ = open_app(context, url)
        grid = page.get_by_role("grid", name="T")
        grid.get_by_role("gridcell").first.click()
        page.keyboard.press("Enter")
        expect(page.get_by_role("textbox", name="Edit cell")).to_have_count(0)
        expect(page.get_by_role("checkbox", name="b 1")).to_be_disabled()
        expect(page.get_by_role("button", name="Add row")).to_be_hidden()


def test_ten_thousand_rows_draw_only_what_is_in_view(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.Dataframe([[i, f"row {i}"] for i in range(10_000)], headers=["i", "text"], label="Big", max_height=300)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        grid = page.get_by_role("grid", name="Big")
        expect(grid.get_by_role("gridcell").first).to_have_text("0")
        assert grid.get_by_role("row").count() < 100
        grid.get_by_role("gridcell").first.click()
        started = time.monotonic()
        for _ in range(31):
            page.keyboard.press("ArrowDown")
        expect(page.locator("td:focus")).to_have_text("31")
        assert time.monotonic() - started < 5
        page.locator(".df-scroll").evaluate("el => { el.scrollTop = 35 * 9000; }")
        expect(grid.get_by_role("gridcell", name="row 9000", exact=True)).to_be_visible()
        assert grid.get_by_role("row").count() < 100
