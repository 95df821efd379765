"""gr.Chatbot in Chromium: demos/chat_thoughts.py streams an answer after a collapsible thought;
like, retry, undo and edit buttons fire their listeners with Gradio's event data; a streamed answer
redraws only its own row."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import DemoProcess, demo_fixture, open_app, serve

pytestmark = pytest.mark.browser

server = demo_fixture("chat_thoughts")


def test_the_answer_streams_after_a_thought_that_opens_and_closes(context: BrowserContext,
                                                                  server: DemoProcess) -> None:
    page, watched = open_app(context, server.url)
    log = page.get_by_role("log", name="Thinking bot")
    page.evaluate("""() => { window.seen = []; new MutationObserver(() => {
        const rows = document.querySelectorAll('.chat-row.assistant .chat-text');
        const last = rows[rows.length - 1]?.textContent.trim();
        if (last && last !== window.seen.at(-1)) window.seen.push(last);
    }).observe(document.body, {subtree: true, childList: true, characterData: true}); }""")
    page.get_by_role("textbox", name="Message").fill("hello blocks")
    page.get_by_role("textbox", name="Message").press("Enter")
    expect(log.get_by_text("hello blocks", exact=True)).to_be_visible()
    expect(log.locator(".chat-row.assistant").last).to_have_text(re.compile(r"You said: hello blocks"))
    # the answer grew word by word: the page showed its prefixes before the whole
    answers = [text for text in page.evaluate("window.seen") if text.startswith("You")]
    # (Markdown shows "**hello" until the closing ** arrives, as Gradio does)
    assert answers == ["You", "You said:", "You said: **hello", "You said: hello blocks"], answers
    thought = log.locator("details", has_text="Thinking it over")
    expect(thought).not_to_have_attribute("open", "")  # done: folded away, with its duration
    expect(thought.locator("summary")).to_contain_text(re.compile(r"\d\.\ds"))
    expect(thought.get_by_text("I will repeat it back")).to_be_hidden()
    thought.locator("summary").click()
    expect(thought.get_by_text("I will repeat it back")).to_be_visible()
    assert watched.messages("error") == []


def test_a_streamed_answer_redraws_only_its_own_row(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    box = page.get_by_role("textbox", name="Message")
    box.fill("first")
    box.press("Enter")
    log = page.get_by_role("log", name="Thinking bot")
    expect(log.locator(".chat-row.assistant").last).to_have_text(re.compile("You said: first"))
    page.evaluate("window.firstRow = document.querySelector('.chat-row.user')")
    box.fill("second")
    box.press("Enter")
    expect(log.locator(".chat-row.assistant").last).to_have_text(re.compile("You said: second"))
    assert page.evaluate("document.querySelector('.chat-row.user') === window.firstRow")


def _feedback_app() -> gr.Blocks:
    def like(data: gr.LikeData):
        return f"liked={data.liked} index={data.index} value={data.value[0]['text']}"

    def retry(history, data: gr.RetryData):
        prompt = history[data.index]["content"][0]["text"]
        return history[:data.index + 1] + [{"role": "assistant", "content": f"again: {prompt}"}]

    def undo(history, data: gr.UndoData):
        return history[:data.index], history[data.index]["content"][0]["text"]

    def edit(data: gr.EditData):
        return f"{data.previous_value} -> {data.value} at {data.index}"

    with gr.Blocks() as demo:
        bot = gr.Chatbot([{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
                         label="Chat", editable="user")
        said = gr.Textbox(label="Said")
        bot.like(like, None, said)
        bot.retry(retry, bot, bot)
        bot.undo(undo, bot, [bot, said])
        bot.edit(edit, None, said)
    return demo


def test_like_retry_undo_and_edit(context: BrowserContext) -> None:
    with serve(_feedback_app()) as url:
        page, watched = open_app(context, url)
        log = page.get_by_role("log", name="Chat")
        said = page.get_by_label("Said")
        log.get_by_role("button", name="Like", exact=True).click()
        expect(said).to_have_value("liked=True index=1 value=hello")
        expect(log.get_by_role("button", name="Like", exact=True)).to_have_attribute("aria-pressed", "true")
        log.get_by_role("button", name="Dislike").click()
        expect(said).to_have_value("liked=False index=1 value=hello")
        log.get_by_role("button", name="Retry").click()
        expect(log.get_by_text("again: hi")).to_be_visible()
        expect(log.get_by_text("hello", exact=True)).to_have_count(0)
        log.get_by_role("button", name="Edit message").click()
        log.get_by_role("textbox", name="Edit message").fill("hey there")
        log.get_by_role("button", name="Save").click()
        expect(said).to_have_value("hi -> hey there at 0")
        expect(log.get_by_text("hey there")).to_be_visible()
        log.get_by_role("button", name="Undo").click()
        expect(log.locator(".chat-row")).to_have_count(0)
        expect(said).to_have_value("hey there")  # the listener got the edited history
        assert watched.messages("error") == []


def test_copy_select_clear_and_the_placeholder(context: BrowserContext) -> None:
    def copied(data: gr.CopyData):
        return f"copied {data.value}"

    def selected(data: gr.SelectData):
        return f"selected {data.index}"

    with gr.Blocks() as demo:
        bot = gr.Chatbot([{"role": "user", "content": "first"}, {"role": "assistant", "content": "second"}],
                         label="Chat", placeholder="**Nothing yet**", buttons=["copy", "copy_all"])
        said = gr.Textbox(label="Said", lines=3)
        bot.copy(copied, None, said)
        bot.select(selected, None, said)
        bot.clear(lambda: "cleared", None, said)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        log = page.get_by_role("log", name="Chat")
        said_box = page.get_by_label("Said")
        log.get_by_role("button", name="Copy message").last.click()
        expect(said_box).to_have_value("copied second")
        page.get_by_role("button", name="Copy all").click()
        expect(said_box).to_have_value("copied first\n\nsecond")
        log.get_by_text("first").click()
        expect(said_box).to_have_value("selected 0")
        page.get_by_role("button", name="Clear").click()
        expect(said_box).to_have_value("cleared")
        expect(log.locator("strong", has_text="Nothing yet")).to_be_visible()
        expect(page.get_by_role("button", name="Copy all")).to_be_hidden()
        assert watched.messages("error") == []
