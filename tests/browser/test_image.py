"""gr.Image in Chromium: upload a real PNG, see it, the function's numpy array, the returned image,
download it back byte-identical, clear, select's pixel coordinates, paste and the webcam."""

from __future__ import annotations

import io
import runpy
from pathlib import Path

import pytest
from PIL import Image as PILImage
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def _png(path: Path, size=(240, 120), color=(200, 10, 10)) -> Path:
    PILImage.new("RGB", size, color).save(path)
    return path


def _loaded(page, name: str) -> int:
    """The natural width of the image named `name` once it has loaded (0 while it has not)."""
    return page.get_by_role("img", name=name).evaluate("img => img.complete ? img.naturalWidth : 0")


def _app():
    with gr.Blocks() as demo:
        source = gr.Image(label="Picture")
        shape = gr.Textbox(label="Shape")
        flipped = gr.Image(label="Flipped", format="png", interactive=False)
        clicked = gr.Textbox(label="Clicked")
        source.upload(lambda a: (str(a.shape), a[:, ::-1]), source, [shape, flipped])
        source.clear(lambda: "cleared", None, shape)

        def where(evt: gr.SelectData):
            return str(evt.index)

        flipped.select(where, None, clicked)
    return demo


def test_an_uploaded_png_is_shown_reaches_numpy_and_comes_back_flipped(context: BrowserContext, tmp_path: Path):
    picture = _png(tmp_path / "red.png")
    with serve(_app()) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Picture").set_input_files(picture)
        expect(page.get_by_label("Shape")).to_have_value("(120, 240, 3)")
        page.wait_for_function("() => [...document.images].filter(i => i.complete && i.naturalWidth).length == 2")
        assert _loaded(page, "Picture") == 240 and _loaded(page, "Flipped") == 240
        assert page.get_by_role("button", name="Remove Image").count() == 1  # the output one has none
        with page.expect_download() as info:
            page.get_by_role("link", name="Download").first.click()
        assert info.value.suggested_filename == "red.png"
        assert Path(info.value.path()).read_bytes() == picture.read_bytes()
        # a click at the image's bottom-right corner is pixel (239, 119) of the 240x120 image, however it is scaled
        flipped = page.get_by_role("img", name="Flipped")
        box = flipped.bounding_box()
        flipped.click(position={"x": box["width"] - 0.01, "y": box["height"] - 0.01})
        expect(page.get_by_label("Clicked")).to_have_value("[239, 119]")
        page.get_by_role("button", name="Remove Image").click()
        expect(page.get_by_label("Shape")).to_have_value("cleared")
        expect(page.get_by_role("img", name="Picture")).to_be_hidden()
        assert watched.messages("error") == []


def test_a_pasted_image_and_a_webcam_capture_are_uploaded(context: BrowserContext, tmp_path: Path):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    with gr.Blocks() as demo:
        source = gr.Image(label="Picture", type="pil")
        seen = gr.Textbox(label="Seen")
        source.upload(lambda p: f"{p.mode} {p.size[0]}x{p.size[1]}", source, seen)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        buffer = io.BytesIO()
        PILImage.new("RGB", (7, 5), (0, 200, 0)).save(buffer, format="PNG")
        page.evaluate("""async (bytes) => {
            const blob = new Blob([new Uint8Array(bytes)], { type: "image/png" });
            await navigator.clipboard.write([new ClipboardItem({ "image/png": blob })]);
        }""", list(buffer.getvalue()))
        page.get_by_role("button", name="Paste from clipboard").click()
        expect(page.get_by_label("Seen")).to_have_value("RGB 7x5")
        page.get_by_role("button", name="Remove Image").click()
        page.get_by_role("button", name="Capture from camera").click()
        page.wait_for_function("() => document.querySelector('video')?.videoWidth > 0")
        size = page.evaluate("() => [document.querySelector('video')].map(v => [v.videoWidth, v.videoHeight])[0]")
        page.get_by_role("button", name="Capture", exact=True).click()
        expect(page.get_by_label("Seen")).to_have_value(f"RGB {size[0]}x{size[1]}")


def test_the_image_filter_demo_tones_the_sample_and_a_users_picture(context: BrowserContext, tmp_path: Path):
    demo = runpy.run_path(str(Path(__file__).parents[2] / "demos" / "image_filter.py"))["demo"]
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Apply").click()
        page.wait_for_function("() => [...document.images].filter(i => i.complete && i.naturalWidth).length == 2")
        assert _loaded(page, "Filtered") == _loaded(page, "Original") == 320
        page.get_by_role("button", name="Remove Image").click()
        page.get_by_label("Original").set_input_files(_png(tmp_path / "grey.png", (30, 10), (100, 100, 100)))
        page.get_by_role("button", name="Apply").click()
        page.wait_for_function("() => document.querySelector('img[alt=Filtered]').naturalWidth == 30")
        # the served PNG holds the toned pixel: 80% sepia of (100, 100, 100)
        pixel = page.evaluate("""async () => {
            const img = document.querySelector('img[alt=Filtered]');
            const canvas = Object.assign(document.createElement('canvas'), { width: 30, height: 10 });
            const context = canvas.getContext('2d');
            context.drawImage(img, 0, 0);
            return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
        }""")
        assert pixel == [128, 116, 94]  # 0.2 * 100 + 0.8 * (100 * the sepia row sums 1.351, 1.203, 0.937)
        page.get_by_label("Original").set_input_files([])  # nothing chosen: no upload, no error
        assert watched.messages("error") == []
