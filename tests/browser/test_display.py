"""gr.HTML, gr.JSON, gr.Label, gr.Code and gr.HighlightedText in a browser: what the page shows and
the events they fire."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_display_components_show_their_values_and_fire_events(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        html = gr.HTML("<h3>Hello <em>there</em></h3>")
        card = gr.HTML("Ada", html_template="<p>Name: ${value} (${props.kind})</p>", kind="card",
                       css_template="p { color: rgb(0, 128, 0); }")
        data = gr.JSON({"name": "Ada", "tags": ["x", 2, True, None]}, label="Data")
        label = gr.Label({"cat": 0.25, "dog": 0.75}, label="Animal")
        code = gr.Code("def f():\n    return 1", language="python", label="Source", interactive=False)
        text = gr.HighlightedText([("Paris", "LOC"), (" is nice", None)], show_legend=True, label="Entities")
        out = gr.Textbox(label="Out")
        edit = gr.Code(language="python", interactive=True, label="Edit")

        def picked(e: gr.SelectData) -> str:
            return f"picked {e.value} at {e.index}"

        def entity(e: gr.SelectData) -> str:
            return f"entity {e.value[0]} {e.value[1]}"

        label.select(picked, None, out)
        text.select(entity, None, out)
        html.click(lambda: "html clicked", None, out)
        edit.change(lambda c: f"code {c}", edit, out)
        gr.Button("Swap").click(lambda: ("<b>New</b>", "Bob"), None, [html, card])
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_role("heading", name="Hello there")).to_be_visible()
        expect(page.get_by_text("Name: Ada (card)")).to_have_css("color", "rgb(0, 128, 0)")
        expect(page.get_by_text('"Ada"')).to_be_visible()
        expect(page.get_by_text("null")).to_be_hidden()  # nested arrays start collapsed
        page.get_by_text("tags: [").click()
        expect(page.get_by_text("null")).to_be_visible()
        expect(page.get_by_role("heading", name="dog")).to_be_visible()
        expect(page.get_by_role("button").filter(has_text="%")).to_have_text(["dog75%", "cat25%"])
        expect(page.get_by_role("meter", name="dog")).to_have_attribute("value", "0.75")
        expect(page.get_by_label("Source")).to_contain_text("return 1")
        expect(page.get_by_label("Source").locator(".tok-k").first).to_have_text("def")
        expect(page.get_by_label("Legend")).to_have_text("LOC")
        page.get_by_role("button", name="cat").click()
        expect(page.get_by_label("Out")).to_have_value("picked cat at 1")
        page.get_by_text("Paris").click()
        expect(page.get_by_label("Out")).to_have_value("entity Paris LOC")
        page.get_by_role("heading", name="Hello there").click()
        expect(page.get_by_label("Out")).to_have_value("html clicked")
        page.get_by_role("textbox", name="Edit").fill("x = 2")
        expect(page.get_by_label("Out")).to_have_value("code x = 2")
        page.get_by_role("button", name="Swap").click()
        expect(page.get_by_text("New", exact=True)).to_be_visible()
        expect(page.get_by_text("Name: Bob (card)")).to_be_visible()
        assert watched.messages("error") == []


def test_json_details_collapse_and_open_expands_all(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.JSON('{"outer": {"inner": 1}}', label="Closed")
        gr.JSON({"outer": {"inner": 2}}, label="Opened", open=True)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_text("inner: 1")).to_be_hidden()
        expect(page.get_by_text("inner: 2")).to_be_visible()
        page.get_by_text("outer: {").first.click()
        expect(page.get_by_text("inner: 1")).to_be_visible()
        assert watched.messages("error") == []
