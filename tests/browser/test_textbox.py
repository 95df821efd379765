"""gr.Textbox in a browser: .key_up gives gr.KeyUpData (the key released and the text at that moment)."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_key_up_reports_the_key_and_the_text(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        query = gr.Textbox(label="Query")
        heard = gr.Textbox(label="Heard")

        def hear(data: gr.KeyUpData) -> str:
            return f"{data.key} {data.input_value}"

        query.key_up(hear, None, heard)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Query").press_sequentially("hi")
        expect(page.get_by_label("Heard")).to_have_value("i hi")
        assert watched.messages("error") == []


def test_a_multiline_box_grows_to_max_lines_then_scrolls(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.Textbox(label="Notes", lines=2, max_lines=5)
        gr.Textbox(label="Long", lines=2)  # Gradio 6: max_lines=None grows to 20 lines
    with serve(demo) as url:
        page, watched = open_app(context, url)
        notes = page.get_by_label("Notes")
        start = notes.evaluate("e => e.clientHeight")
        notes.fill("one\ntwo\nthree")
        page.wait_for_function("start => document.querySelector('textarea').clientHeight > start * 1.3", arg=start)
        notes.fill("\n".join(f"line {n}" for n in range(30)))
        client, scroll, line = notes.evaluate(
            "e => [e.clientHeight, e.scrollHeight, parseFloat(getComputedStyle(e).lineHeight)]")
        assert 4.5 * line < client < 5.5 * line + 30 and scroll > client * 3  # 5 lines shown, the rest scrolls
        assert notes.evaluate("e => getComputedStyle(e).overflowY") == "auto"
        longer = page.get_by_label("Long")
        longer.fill("\n".join(f"line {n}" for n in range(30)))
        client = longer.evaluate("e => e.clientHeight")
        assert 19.5 * line < client < 20.5 * line + 30
        notes.fill("short")
        assert notes.evaluate("e => e.clientHeight") == start  # shrinks back to `lines`
        assert watched.messages("error") == []


def test_copy_button_copies_the_text_and_fires_copy(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        poem = gr.Textbox("roses are red", label="Poem", buttons=["copy"])
        copied = gr.Textbox(label="Copied text")

        def on_copy(data: gr.CopyData) -> str:
            return f"copied: {data.value}"

        poem.copy(on_copy, None, copied)
    with serve(demo) as url:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        page, watched = open_app(context, url)
        page.get_by_label("Poem").fill("violets are blue")
        page.get_by_role("button", name="Copy", exact=True).click()
        expect(page.get_by_role("button", name="Copied", exact=True)).to_be_visible()
        assert page.evaluate("navigator.clipboard.readText()") == "violets are blue"
        expect(page.get_by_label("Copied text")).to_have_value("copied: violets are blue")
        expect(page.get_by_role("button", name="Copy", exact=True)).to_be_visible(timeout=4000)  # feedback ends
        assert watched.messages("error") == []


def test_submit_button_submits_and_stop_button_cancels_the_stream(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        prompt = gr.Textbox(label="Prompt", submit_btn=True, stop_btn="Halt")
        reply = gr.Textbox(label="Reply", lines=3)
        stops = gr.Textbox(label="Stops")

        def stream(text: str):
            words = ""
            for n in range(200):
                words += f"{text}{n} "
                yield words
                time.sleep(0.05)

        running = prompt.submit(stream, prompt, reply)
        prompt.stop(lambda: "stopped", None, stops, cancels=[running])
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Prompt").fill("w")
        page.get_by_role("button", name="Submit", exact=True).click()
        reply = page.get_by_label("Reply")
        expect(reply).to_have_value(re.compile(r"w5 "))
        page.get_by_role("button", name="Halt", exact=True).click()
        expect(page.get_by_label("Stops")).to_have_value("stopped")
        stopped_at = reply.input_value()
        page.wait_for_timeout(500)  # 10 more yields would have arrived by now
        assert reply.input_value() == stopped_at and "w199" not in stopped_at
        # autoscroll: the streamed box showed its end while it grew
        assert reply.evaluate("e => e.scrollHeight - e.scrollTop - e.clientHeight < 2")
        assert watched.messages("error") == []


def test_autoscroll_false_keeps_the_scroll_position(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        log_box = gr.Textbox(label="Log", lines=2, max_lines=3, autoscroll=False)
        follow = gr.Textbox(label="Follow", lines=2, max_lines=3)
        more = gr.Button("More")
        text = "\n".join(f"entry {n}" for n in range(40))
        more.click(lambda: (text, text), None, [log_box, follow])
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="More").click()
        expect(page.get_by_label("Log")).to_have_value(re.compile("entry 39"))
        assert page.get_by_label("Log").evaluate("e => e.scrollTop") == 0
        assert page.get_by_label("Follow").evaluate("e => e.scrollTop + e.clientHeight >= e.scrollHeight - 2")
        assert watched.messages("error") == []


def test_html_attributes_are_on_the_input(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.Textbox(label="Code", html_attributes=gr.InputHTMLAttributes(spellcheck=False, autocapitalize="off",
                                                                        lang="fr", enterkeyhint="send"))
    with serve(demo) as url:
        page, watched = open_app(context, url)
        code = page.get_by_label("Code")
        expect(code).to_have_attribute("spellcheck", "false")
        expect(code).to_have_attribute("autocapitalize", "off")
        expect(code).to_have_attribute("lang", "fr")
        expect(code).to_have_attribute("enterkeyhint", "send")
        assert code.evaluate("e => e.spellcheck") is False
        assert watched.messages("error") == []
