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


def test_js_results_reach_python_for_that_call_only_and_js_only_outputs_stay_as_shown(context: BrowserContext) -> None:
    """As Gradio 6.31 does (checked side by side): with a Python function the input boxes keep
    what the user typed and later events send that; an input that is also an output shows what
    Python returned; with fn=None the outputs show the js result, and later events send it."""
    with gr.Blocks() as demo:
        box = gr.Textbox("abc", label="In")
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(lambda x: f"py:{x}", box, out, js="(x) => x.toUpperCase()")
        gr.Button("Read").click(lambda x: f"read:{x}", box, out)
        same = gr.Textbox("c1", label="Same")
        gr.Button("Both").click(lambda x: (x, x), same, [same, out], js="(x) => x + '#'")
        shown = gr.Textbox("d1", label="Shown")
        gr.Button("JS only").click(None, shown, shown, js="(x) => x + '*'")
        gr.Button("Read shown").click(lambda x: f"read:{x}", shown, out)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Go").click()
        expect(page.get_by_label("Out")).to_have_value("py:ABC")
        expect(page.get_by_label("In")).to_have_value("abc")
        page.get_by_role("button", name="Read", exact=True).click()
        expect(page.get_by_label("Out")).to_have_value("read:abc")  # not the js result of the last call
        page.get_by_role("button", name="Both").click()
        expect(page.get_by_label("Same")).to_have_value("c1#")
        expect(page.get_by_label("Out")).to_have_value("c1#")
        page.get_by_role("button", name="JS only").click()
        expect(page.get_by_label("Shown")).to_have_value("d1*")
        page.get_by_role("button", name="Read shown").click()
        expect(page.get_by_label("Out")).to_have_value("read:d1*")
        assert watched.messages("error") == []


def test_js_true_runs_the_python_function_on_the_server_and_says_so_once(context: BrowserContext, caplog) -> None:
    """Gradio transpiles js=True functions to JavaScript where it can and runs them on the server
    where it cannot; here they always run on the server (the todo_list_js demo's idiom)."""
    with gr.Blocks() as demo:
        with gr.Row() as row:
            task = gr.Textbox("Get a job", label="Task", interactive=True)
            done = gr.Button("Done", interactive=False)
        task.change(lambda: gr.Button(interactive=True, variant="primary"), None, done, js=True)
        done.click(lambda: gr.Row(visible=False), None, row, js=True)
    warnings = [r.getMessage() for r in caplog.records if "js=True" in r.getMessage()]
    assert len(warnings) <= 1 and all("runs on the server" in w for w in warnings)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_role("button", name="Done")).to_be_disabled()
        page.get_by_label("Task").fill("Marry rich")
        expect(page.get_by_role("button", name="Done")).to_be_enabled()
        page.get_by_role("button", name="Done").click()
        expect(page.get_by_label("Task")).to_be_hidden()
        assert watched.messages("error") == []
