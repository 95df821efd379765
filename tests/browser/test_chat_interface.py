"""gr.ChatInterface in Chromium: demos/chat_interface.py answers with its additional input, streams,
retries and undoes; a multimodal ChatInterface gets a file uploaded with set_input_files."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import DemoProcess, demo_fixture, open_app, serve

pytestmark = pytest.mark.browser

server = demo_fixture("chat_interface")


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def test_a_turn_uses_the_additional_input_then_retry_and_undo(context: BrowserContext, server: DemoProcess) -> None:
    page, watched = open_app(context, server.url)
    log = page.get_by_role("log", name="Chatbot")
    box = page.get_by_role("textbox", name="Message")
    box.fill("hello there")
    box.press("Enter")
    expect(log.locator(".chat-row.assistant")).to_have_text(re.compile(r"\(1\) hello there"))
    expect(box).to_have_value("")
    page.get_by_text("Additional Inputs").click()
    page.get_by_label("Shout").check()
    box.fill("second turn")
    page.get_by_role("button", name="Submit").click()
    expect(log.locator(".chat-row.assistant").last).to_have_text(re.compile(r"\(2\) SECOND TURN"))
    page.get_by_label("Whisper").check()
    log.get_by_role("button", name="Retry").click()
    expect(log.locator(".chat-row.assistant").last).to_have_text(re.compile(r"\(2\) second turn"))
    expect(log.locator(".chat-row")).to_have_count(4)
    log.get_by_role("button", name="Undo").click()
    expect(log.locator(".chat-row")).to_have_count(2)
    expect(box).to_have_value("second turn")
    assert watched.messages("error") == []


def test_examples_fill_and_run_with_their_additional_values(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    page.get_by_text("QUIET PLEASE").click()
    expect(page.get_by_role("textbox", name="Message")).to_have_value("QUIET PLEASE")
    expect(page.get_by_label("Whisper")).to_be_checked()


def test_a_multimodal_message_brings_its_uploaded_file_to_fn(context: BrowserContext, tmp_path: Path) -> None:
    note = tmp_path / "notes.txt"
    note.write_text("three words here")

    def read(message, history):
        files = message["files"]
        words = len(Path(files[0]).read_text().split()) if files else 0
        return f"{message['text']}: {len(files)} file(s), {words} words"

    with serve(gr.ChatInterface(read, multimodal=True)) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Upload files").set_input_files(note)
        expect(page.get_by_role("list", name="Attached files")).to_contain_text("notes.txt")
        box = page.get_by_role("textbox", name="Message")
        box.fill("count")
        box.press("Enter")
        log = page.get_by_role("log", name="Chatbot")
        expect(log.locator(".chat-row.assistant")).to_have_text(re.compile(r"count: 1 file\(s\), 3 words"))
        expect(log.get_by_role("link", name="notes.txt")).to_be_visible()
        expect(page.get_by_role("list", name="Attached files")).not_to_contain_text("notes.txt")
        assert watched.messages("error") == []


def test_stop_ends_a_streaming_answer(context: BrowserContext) -> None:
    def slow(message, history):
        text = ""
        for n in range(200):
            text += f"{n} "
            time.sleep(0.05)
            yield text

    with serve(gr.ChatInterface(slow)) as url:
        page, _ = open_app(context, url)
        box = page.get_by_role("textbox", name="Message")
        box.fill("go")
        box.press("Enter")
        log = page.get_by_role("log", name="Chatbot")
        expect(log.locator(".chat-row.assistant")).to_contain_text("3 ")
        page.get_by_role("button", name="Stop").click()
        expect(page.get_by_role("button", name="Stop")).to_be_hidden()
        stopped = log.locator(".chat-row.assistant").inner_text()
        page.wait_for_timeout(500)  # ten steps of 0.05 s: a stream still running would have grown
        assert log.locator(".chat-row.assistant").inner_text() == stopped
        expect(page.get_by_role("button", name="Submit")).to_be_visible()
