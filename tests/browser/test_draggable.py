"""gr.Draggable in a browser: items reordered with the keyboard and by dragging their handles; the
components keep working wherever they are moved."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _order(page) -> list[str]:
    return page.locator(".draggable-item label .label, .draggable-item .label").all_inner_texts()


def test_items_move_by_keyboard_and_by_drag_and_keep_working(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        with gr.Draggable():
            one, two, three = (gr.Textbox(label=name) for name in ("One", "Two", "Three"))
        joined = gr.Textbox(label="Joined")
        gr.Button("Join").click(lambda *v: "-".join(v), [one, two, three], joined)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        region = page.get_by_role("region", name="Draggable items container")
        labels = region.locator(".draggable-item").evaluate_all(
            "items => items.map(i => i.querySelector('label, .label').textContent.trim())")
        assert labels == ["One", "Two", "Three"]
        page.get_by_role("button", name="Move item 1 of 3").focus()
        page.keyboard.press("ArrowDown")
        expect(page.get_by_role("status").filter(has_text="Moved to position 2 of 3")).to_have_count(1)
        order = "items => items.map(i => i.querySelector('label, .label').textContent.trim())"
        assert region.locator(".draggable-item").evaluate_all(order) == ["Two", "One", "Three"]
        page.keyboard.press("End")
        assert region.locator(".draggable-item").evaluate_all(order) == ["Two", "Three", "One"]
        page.get_by_role("button", name="Move item 3 of 3").drag_to(region.locator(".draggable-item").first)
        assert region.locator(".draggable-item").evaluate_all(order) == ["One", "Two", "Three"]
        page.get_by_label("One").fill("a")
        page.get_by_label("Three").fill("c")
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_label("Joined")).to_have_value("a--c")
        assert watched.messages("error") == []
