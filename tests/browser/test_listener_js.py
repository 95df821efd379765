"""Listener js=: a JavaScript function run in the page before Python, or instead of it."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_js_changes_the_inputs_of_python_or_replaces_it_and_its_errors_are_toasts(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        a = gr.Textbox("ab", label="A")
        b = gr.Textbox("cd", label="B")
        out = gr.Textbox(label="Out")
        gr.Button("Both").click(lambda x, y: f"{x}+{y}", [a, b], out, js="(x, y) => [x.toUpperCase(), y + '!']")
        gr.Button("Only JS").click(None, a, out, js="(x) => 'js says ' + x.split('').reverse().join('')")
        gr.Button("Broken").click(None, a, out, js="(x) => { throw new Error('no luck') }")
        gr.Button("Python").click(lambda x: f"py {x}", a, out)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Both").click()
        expect(page.get_by_label("Out")).to_have_value("AB+cd!")
        page.get_by_label("A").fill("xyz")
        page.get_by_role("button", name="Only JS").click()
        expect(page.get_by_label("Out")).to_have_value("js says zyx")
        page.get_by_role("button", name="Broken").click()
        expect(page.get_by_role("alert").filter(has_text="no luck")).to_contain_text("JavaScript error")
        page.get_by_role("button", name="Python").click()  # the server still serves
        expect(page.get_by_label("Out")).to_have_value("py xyz")


def test_blocks_js_and_load_js_run_once_when_the_page_loads_with_css_paths(context: BrowserContext, tmp_path) -> None:
    sheet = tmp_path / "page.css"
    sheet.write_text("#note { color: rgb(1, 2, 3); }")
    with gr.Blocks(js="() => { document.title = 'from js' }", css_paths=[sheet]) as demo:
        note = gr.Textbox(label="Note", elem_id="note")
        demo.load(None, None, note, js="() => 'loaded by js'")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Note")).to_have_value("loaded by js")
        expect(page).to_have_title("from js")
        assert page.locator("#note").evaluate("el => getComputedStyle(el).color") == "rgb(1, 2, 3)"
