"""gr.AnnotatedImage and gr.ImageSlider in Chromium: the legend and the boxes a user sees, select from
a legend entry and from a click on the annotation, the divider moved by keyboard and by dragging,
uploads into the slider."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def _selected(data: gr.SelectData) -> str:
    return f"{data.index} {data.value}"


def test_legend_and_boxes_are_shown_and_select_gives_the_label(context: BrowserContext) -> None:
    base = np.full((200, 300, 3), 230, dtype=np.uint8)
    mask = np.zeros((200, 300))
    mask[120:180, 200:280] = 1.0
    with gr.Blocks() as demo:
        go = gr.Button("Detect")
        found = gr.AnnotatedImage(label="Found", color_map={"car": "#00aa00"})
        said = gr.Textbox(label="Selected")
        go.click(lambda: (base, [((10, 10, 110, 90), "car"), (mask, "pond")]), None, found)
        found.select(_selected, None, said)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Detect").click()
        legend = page.get_by_role("group", name="Legend")
        expect(legend.get_by_role("button")).to_have_count(2)
        car, pond = legend.get_by_role("button", name="car"), legend.get_by_role("button", name="pond")
        expect(car).to_have_css("background-color", "rgb(0, 170, 0)")
        box = page.get_by_role("img", name="car")
        expect(box).to_be_visible()
        expect(page.get_by_role("img", name="pond")).to_be_visible()
        page.wait_for_function("() => [...document.querySelectorAll('.ai-frame img')].every(i => i.naturalWidth)")
        pond.hover()  # the entry's annotation stands out, the others fade
        expect(page.get_by_role("img", name="pond")).to_have_css("opacity", "1")
        expect(box).to_have_css("opacity", "0.1")
        pond.click()
        expect(page.get_by_label("Selected")).to_have_value("1 pond")
        shown = box.bounding_box()
        assert shown is not None
        # the box's inside, in the image's pixels (50, 50) of 300 x 200
        page.mouse.click(shown["x"] + shown["width"] * 50 / 300, shown["y"] + shown["height"] * 50 / 200)
        expect(page.get_by_label("Selected")).to_have_value("0 car")
        page.mouse.click(shown["x"] + shown["width"] * 240 / 300, shown["y"] + shown["height"] * 150 / 200)
        expect(page.get_by_label("Selected")).to_have_value("1 pond")
        assert watched.messages("error") == []


def test_show_legend_false_hides_the_legend(context: BrowserContext) -> None:
    base = np.zeros((20, 20, 3), dtype=np.uint8)
    with gr.Blocks() as demo:
        gr.AnnotatedImage((base, [((0, 0, 5, 5), "dot")]), show_legend=False)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        expect(page.get_by_role("img", name="dot")).to_be_visible()
        expect(page.get_by_role("button", name="dot")).to_be_hidden()


def test_the_divider_moves_by_keyboard_drag_and_listener(context: BrowserContext, tmp_path: Path) -> None:
    before, after = tmp_path / "before.png", tmp_path / "after.png"
    Image.new("RGB", (400, 200), (255, 0, 0)).save(before)
    Image.new("RGB", (400, 200), (0, 0, 255)).save(after)
    with gr.Blocks() as demo:
        pair = gr.ImageSlider((str(before), str(after)), label="Compare", slider_position=30)
        where = gr.Number(label="Where")
        where.submit(lambda p: gr.ImageSlider(slider_position=p), where, pair)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        divider = page.get_by_role("slider", name="Divider position")
        expect(divider).to_have_attribute("aria-valuenow", "30")
        divider.focus()
        page.keyboard.press("ArrowRight")
        expect(divider).to_have_attribute("aria-valuenow", "31")
        page.keyboard.press("Shift+ArrowLeft")
        expect(divider).to_have_attribute("aria-valuenow", "21")
        page.keyboard.press("End")
        expect(divider).to_have_attribute("aria-valuenow", "100")
        page.keyboard.press("Home")
        expect(divider).to_have_attribute("aria-valuenow", "0")
        frame = page.get_by_label("Compare", exact=True).bounding_box()
        assert frame is not None
        middle = frame["y"] + frame["height"] / 2
        page.mouse.move(frame["x"] + frame["width"] * 0.25, middle)
        page.mouse.down()
        page.mouse.move(frame["x"] + frame["width"] * 0.75, middle, steps=5)
        page.mouse.up()
        assert abs(float(divider.get_attribute("aria-valuenow") or "0") - 75) < 1.5
        # what shows left of the divider is the first image, right of it the second
        clip = page.get_by_role("img", name="After").evaluate("i => i.style.clipPath")
        assert clip.startswith("inset(0px 0px 0px 7") or clip.startswith("inset(0 0 0 7")
        page.get_by_label("Where").fill("64")
        page.get_by_label("Where").press("Enter")
        expect(divider).to_have_attribute("aria-valuenow", "64")
        assert watched.messages("error") == []


def test_uploads_reach_the_function_and_clear_empties_it(context: BrowserContext, tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    Image.new("RGB", (40, 30), (10, 200, 10)).save(photo)
    with gr.Blocks() as demo:
        pair = gr.ImageSlider(label="Pair", type="pil", interactive=True)
        said = gr.Textbox(label="Said")
        pair.upload(lambda v: f"{isinstance(v[0], Image.Image)} {v[0].size} {v[1]}", pair, said)
        pair.clear(lambda: "cleared", None, said)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Before image").set_input_files(photo)
        expect(page.get_by_label("Said")).to_have_value("True (40, 30) None")
        expect(page.get_by_role("img", name="Before")).to_be_visible()
        page.get_by_role("button", name="Clear").click()
        expect(page.get_by_label("Said")).to_have_value("cleared")
        expect(page.get_by_role("img", name="Before")).to_be_hidden()
        assert watched.messages("error") == []
