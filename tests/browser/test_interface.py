"""gr.Interface and gr.TabbedInterface in Chromium: a user fills the inputs by their labels, clicks
Submit and reads the output; Clear empties both sides; live updates as they type; a generator streams
until Stop; an example row fills the inputs; tabs switch between interfaces."""

from __future__ import annotations

import csv
import time

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import DemoProcess, demo_fixture, open_app, serve

pytestmark = pytest.mark.browser


def greet(name, intensity):
    return "Hello, " + name + "!" * int(intensity)


def test_fill_submit_see_the_output_then_clear(context: BrowserContext) -> None:
    demo = gr.Interface(greet, ["text", gr.Slider(1, 5, step=1)], ["text"], title="Greeter",
                        description="Say *hello*.", article="Made with blocks.")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_role("heading", level=1, name="Greeter")).to_be_visible()
        expect(page.locator("em", has_text="hello")).to_be_visible()
        expect(page.get_by_text("Made with blocks.")).to_be_visible()
        expect(page.get_by_role("button", name="Flag")).to_be_visible()
        page.get_by_label("name", exact=True).fill("Ada")
        page.get_by_role("spinbutton", name="intensity").fill("3")
        page.get_by_role("spinbutton", name="intensity").press("Tab")
        page.get_by_role("button", name="Submit").click()
        output = page.get_by_label("output", exact=True)
        expect(output).to_have_value("Hello, Ada!!!")
        inputs_box = page.get_by_label("name", exact=True).bounding_box()
        output_box = output.bounding_box()
        assert inputs_box and output_box and inputs_box["x"] < output_box["x"]  # inputs left, outputs right
        page.get_by_role("button", name="Clear").click()
        expect(output).to_have_value("")
        expect(page.get_by_label("name", exact=True)).to_have_value("")
        assert watched.messages("error") == []


def test_live_updates_the_output_while_typing_without_a_submit_button(context: BrowserContext) -> None:
    demo = gr.Interface(lambda text: text[::-1], gr.Textbox(label="Text"), gr.Textbox(label="Reversed"), live=True)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        expect(page.get_by_role("button", name="Clear")).to_be_visible()
        expect(page.get_by_role("button", name="Submit")).to_have_count(0)
        page.get_by_label("Text", exact=True).press_sequentially("stressed")
        expect(page.get_by_label("Reversed", exact=True)).to_have_value("desserts")


def test_a_generator_streams_and_stop_cancels_it(context: BrowserContext) -> None:
    def count(limit):
        for i in range(int(limit)):
            yield f"count {i}"
            time.sleep(0.3)
    demo = gr.Interface(count, gr.Number(label="Limit"), gr.Textbox(label="Count"))
    with serve(demo) as url:
        page, _ = open_app(context, url)
        expect(page.get_by_role("button", name="Stop")).to_be_hidden()
        page.get_by_label("Limit", exact=True).fill("100")
        page.get_by_role("button", name="Submit").click()
        count_box = page.get_by_label("Count", exact=True)
        expect(count_box).to_have_value("count 2")  # streams: each value shown as it is yielded
        expect(page.get_by_role("button", name="Submit")).to_be_hidden()
        page.get_by_role("button", name="Stop").click()
        expect(page.get_by_role("button", name="Submit")).to_be_visible()
        expect(page.get_by_role("button", name="Stop")).to_be_hidden()
        stopped_at = count_box.input_value()
        page.wait_for_timeout(1000)  # three more yields' worth of time: a running generator would show them
        assert count_box.input_value() == stopped_at


def test_an_example_row_fills_the_inputs(context: BrowserContext) -> None:
    demo = gr.Interface(greet, ["text", gr.Slider(1, 5, step=1)], "text", examples=[["Bob", 2], ["Eve", 4]])
    with serve(demo) as url:
        page, _ = open_app(context, url)
        page.get_by_role("row", name="Eve 4").click()
        expect(page.get_by_label("name", exact=True)).to_have_value("Eve")
        expect(page.get_by_role("spinbutton", name="intensity")).to_have_value("4")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_label("output", exact=True)).to_have_value("Hello, Eve!!!!")


def test_tabbed_interface_switches_between_interfaces(context: BrowserContext) -> None:
    hello = gr.Interface(lambda name: f"Hello {name}", gr.Textbox(label="Name"), gr.Textbox(label="Greeting"))
    bye = gr.Interface(lambda name: f"Bye {name}", gr.Textbox(label="Who"), gr.Textbox(label="Farewell"))
    demo = gr.TabbedInterface([hello, bye], ["Hello", "Bye"], title="Two tools")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_role("heading", level=1, name="Two tools")).to_be_visible()
        expect(page.get_by_role("tab", name="Hello")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_label("Who", exact=True)).to_be_hidden()
        page.get_by_role("tab", name="Bye").click()
        page.get_by_label("Who", exact=True).fill("Ann")
        page.get_by_role("tabpanel").get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Farewell", exact=True)).to_have_value("Bye Ann")
        expect(page.get_by_label("Name", exact=True)).to_be_hidden()
        page.get_by_role("tab", name="Hello").click()
        page.get_by_label("Name", exact=True).fill("Bo")
        page.get_by_role("tabpanel").get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Greeting", exact=True)).to_have_value("Hello Bo")
        assert watched.messages("error") == []


word_tools = demo_fixture("interface_word_tools")


def test_word_tools_demo_runs_an_example_and_streams_the_typewriter(context: BrowserContext,
                                                                     word_tools: DemoProcess) -> None:
    page, watched = open_app(context, word_tools.url)
    page.get_by_role("row", name="the cat and the hat and the bat 2").click()
    page.get_by_role("tabpanel").get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="the")).to_be_visible()  # 3 of 8 words
    expect(page.get_by_text("38%")).to_be_visible()
    expect(page.get_by_label("Words", exact=True)).to_have_value("8")
    page.get_by_role("tab", name="Typewriter").click()
    page.get_by_label("Delay (s)", exact=True).fill("0.05")
    page.get_by_role("tabpanel").get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Typed", exact=True)).to_have_value("Hello from blocks!")
    expect(page.get_by_role("tabpanel").get_by_role("button", name="Submit")).to_be_visible()
    assert watched.messages("error") == []


def test_the_flag_button_saves_the_inputs_and_outputs_as_a_csv_row(context: BrowserContext, tmp_path) -> None:
    demo = gr.Interface(lambda text: text[::-1], gr.Textbox(label="Text"), gr.Textbox(label="Reversed"),
                        flagging_dir=str(tmp_path), flagging_options=["wrong"])
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Text", exact=True).fill("stressed")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Reversed", exact=True)).to_have_value("desserts")
        flag = page.get_by_role("button", name="Flag as wrong")
        flag.click()
        expect(page.get_by_role("button", name="Saving...")).to_be_disabled()
        expect(flag).to_be_enabled()
        with open(tmp_path / "dataset1.csv", encoding="utf-8") as saved:
            rows = list(csv.reader(saved))
        assert rows[0] == ["Text", "Reversed", "flag", "timestamp"]
        assert [row[:3] for row in rows[1:]] == [["stressed", "desserts", "wrong"]]
        assert watched.messages("error") == []
