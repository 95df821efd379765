"""gr.Dialogue in a browser: lines edited, the ":" tag list used from the keyboard, plain text mode,
submit with the listener's output, and a read-only transcript in the speakers' colours."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser
SPEAKERS = ["Host", "Guest"]


def colon_format(speaker: str, text: str) -> str:
    return f"{speaker}: {text}"


def test_lines_edited_tags_picked_plain_text_and_submit(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        dialogue = gr.Dialogue([{"speaker": "Host", "text": "Welcome"}], speakers=SPEAKERS,
                               tags=["(laughs)", "(sighs)"], formatter=colon_format, submit_btn="Send",
                               interactive=True)
        got = gr.Textbox(label="Got", lines=2)
        dialogue.submit(lambda text: f"<{text}>", dialogue, got)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Add new line").click()
        expect(page.get_by_label("Line 2 text")).to_be_focused()
        page.get_by_label("Line 2 speaker").select_option("Guest")
        page.get_by_label("Line 2 text").press_sequentially("Thanks :s")
        tags = page.get_by_role("listbox", name="Tags")
        expect(tags.get_by_role("option")).to_have_text(["(laughs)", "(sighs)"])  # "s" is in both
        page.keyboard.press("ArrowDown")
        expect(tags.get_by_role("option", name="(sighs)")).to_have_attribute("aria-selected", "true")
        page.keyboard.press("Enter")
        expect(tags).to_be_hidden()
        expect(page.get_by_label("Line 2 text")).to_have_value("Thanks(sighs) ")  # Gradio trims before the tag
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_label("Got")).to_have_value("<Host: Welcome\nGuest: Thanks(sighs) >")

        page.get_by_role("switch", name="Plain Text").check()
        plain = page.get_by_role("textbox", name="Dialogue")
        expect(plain).to_have_value("Host: Welcome\nGuest: Thanks(sighs) ")
        plain.fill("Host: Bye\n[Guest] See you")
        page.get_by_role("button", name="Send").click()  # plain text goes back to lines, then formatted
        expect(page.get_by_label("Got")).to_have_value("<Host: Host: Bye\nGuest: See you>")
        page.get_by_role("switch", name="Plain Text").uncheck()
        expect(page.get_by_label("Line 2 speaker")).to_have_value("Guest")
        expect(page.get_by_label("Line 1 text")).to_have_value("Host: Bye")  # Gradio's default unformatter
        page.get_by_role("button", name="Remove current line").click()
        expect(page.get_by_label("Line 2 text")).to_have_count(0)
        assert watched.messages("error") == []


def test_a_listener_gets_lines_and_a_returned_dialogue_is_a_coloured_transcript(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        said = gr.Dialogue(type="list", speakers=SPEAKERS, value=[], interactive=True, max_lines=2)
        shown = gr.Dialogue(speakers=SPEAKERS, color_map={"Guest": "rgb(0, 0, 255)"}, label="Transcript")
        said.change(lambda lines: lines + [{"speaker": "Guest", "text": f"{len(lines)} heard"}], said, shown)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Line 1 speaker")).to_have_value("Host")  # value=[] shows one empty line
        page.get_by_label("Line 1 text").fill("hello")
        transcript = page.get_by_role("list", name="Transcript")
        expect(transcript.get_by_role("listitem")).to_have_text(["Hosthello", "Guest1 heard"])
        guest = transcript.get_by_role("listitem").nth(1)
        name = guest.get_by_text("Guest", exact=True)  # the speaker's name is marked in its colour
        assert name.evaluate("e => getComputedStyle(e).borderLeftColor") == "rgb(0, 0, 255)"
        assert page.get_by_role("group", name="Transcript").get_by_role("textbox").count() == 0  # read-only
        page.get_by_role("button", name="Add new line").click()
        expect(page.get_by_label("Line 2 text")).to_be_visible()
        expect(page.get_by_role("button", name="Add new line")).to_have_count(0)  # max_lines=2 reached
        assert watched.messages("error") == []
