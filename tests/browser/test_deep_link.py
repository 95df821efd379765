"""gr.DeepLinkButton in Chromium: chat, click "Share via Link", read the link from the clipboard, open it
as another user and see the same chat, which goes on from there; a dead link opens the app with a notice;
Interface(deep_link=True) enables its button after the first run."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def greeting_bot() -> gr.Blocks:
    with gr.Blocks() as demo:
        gr.ChatInterface(lambda message, history: f"Hi! ({len(history) // 2} turns before)", title="Greeting Bot",
                         api_name="chat")
        gr.DeepLinkButton()
    return demo


def _send(page, text: str) -> None:
    box = page.get_by_role("textbox", name="Message")
    box.fill(text)
    box.press("Enter")


def test_a_copied_link_opens_the_same_chat_for_someone_else(new_context) -> None:
    with serve(greeting_bot()) as url:
        mine = new_context(permissions=CLIPBOARD)
        page, watched = open_app(mine, url)
        _send(page, "hello")
        log = page.get_by_role("log", name="Chatbot")
        expect(log.locator(".chat-row.assistant")).to_have_text(re.compile(r"Hi! \(0 turns before\)"))
        page.get_by_role("button", name="Share via Link").click()
        expect(page.get_by_role("button", name="Link Copied!")).to_be_visible()
        expect(page.get_by_role("button", name="Share via Link")).to_be_visible()  # back after a moment
        link = page.evaluate("navigator.clipboard.readText()")
        assert re.fullmatch(re.escape(url.rstrip("/")) + r"/\?deep_link=[A-Za-z0-9_-]{22}", link)

        theirs, seen = open_app(new_context(), link)
        shared = theirs.get_by_role("log", name="Chatbot")
        expect(shared.locator(".chat-row")).to_have_text([re.compile("^hello"), re.compile(r"^Hi! \(0 turns before\)")])
        _send(theirs, "and you?")  # the chat goes on from the shared turn
        expect(shared.locator(".chat-row.assistant").last).to_have_text(re.compile(r"\(1 turns before\)"))
        expect(log.locator(".chat-row")).to_have_count(2)  # the first page's chat is its own
        assert watched.messages("error") == [] and seen.messages("error") == []


def test_an_unknown_link_opens_the_app_as_usual_and_says_so(context: BrowserContext) -> None:
    with serve(greeting_bot()) as url:
        page, _ = open_app(context, url + "?deep_link=" + "A" * 22)
        expect(page.get_by_role("alert").filter(has_text="Link not found")).to_contain_text("expired")
        expect(page.get_by_role("log", name="Chatbot").locator(".chat-row")).to_have_count(0)
        _send(page, "hello")
        expect(page.get_by_role("log", name="Chatbot").locator(".chat-row")).to_have_count(2)


def test_an_interface_shares_its_inputs_and_outputs_once_it_has_run(new_context) -> None:
    demo = gr.Interface(lambda name: f"Hello {name}!", gr.Textbox(label="name"), gr.Textbox(label="Output"),
                        deep_link=True)
    with serve(demo) as url:
        page, _ = open_app(new_context(permissions=CLIPBOARD), url)
        share = page.get_by_role("button", name="Share via Link")
        expect(share).to_be_disabled()
        page.get_by_label("name").fill("Ada")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Output")).to_have_value("Hello Ada!")
        expect(share).to_be_enabled()
        page.get_by_label("name").fill("Grace")  # typed, not submitted: the link has it too
        share.click()
        expect(page.get_by_role("button", name="Link Copied!")).to_be_visible()
        theirs, _ = open_app(new_context(), page.evaluate("navigator.clipboard.readText()"))
        expect(theirs.get_by_label("name")).to_have_value("Grace")
        expect(theirs.get_by_label("Output")).to_have_value("Hello Ada!")
