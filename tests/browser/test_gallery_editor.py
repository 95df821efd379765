"""gr.ImageEditor and gr.Gallery in Chromium: a background uploaded with set_input_files, strokes drawn
with the mouse, erased, a layer added; a gallery's captions, select data and its preview's arrow keys."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, Page, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def _pixels(im) -> str:
    """The background's and the composite's pixel at (20, 10), and the number of layers."""
    background, composite = im["background"], im["composite"]
    return f"{background[10, 20].tolist()} {composite[10, 20].tolist()} {len(im['layers'])}"


def _editor_app():
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(label="Photo", type="numpy", image_mode="RGB",
                                brush=gr.Brush(colors=["#0000ff"], default_size=4, color_mode="fixed"))
        seen = gr.Textbox(label="Seen")
        uploads = gr.Number(0, label="Uploads")
        send = gr.Button("Send")
        send.click(_pixels, editor, seen)
        editor.upload(lambda n: n + 1, uploads, uploads)
    return demo


def _stroke(page: Page, y: float = 10, x0: float = 5, x1: float = 35) -> None:
    """A horizontal stroke at canvas pixel row `y` (the canvas is shown at its size: 40 x 20)."""
    box = page.get_by_role("img", name="Canvas").bounding_box()
    scale = box["width"] / 40
    page.mouse.move(box["x"] + x0 * scale, box["y"] + y * scale)
    page.mouse.down()
    page.mouse.move(box["x"] + x1 * scale, box["y"] + y * scale, steps=8)
    page.mouse.up()


def test_a_stroke_on_an_uploaded_background_reaches_the_function_in_the_composite(context: BrowserContext,
                                                                                  tmp_path: Path) -> None:
    picture = tmp_path / "grey.png"
    Image.new("RGB", (40, 20), (128, 128, 128)).save(picture)
    with serve(_editor_app()) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Photo").set_input_files(picture)
        expect(page.get_by_label("Uploads")).to_have_value("1")
        editor = page.locator("#component-1")
        expect(editor).not_to_have_attribute("aria-busy", "true")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_label("Seen")).to_have_value("[128, 128, 128] [128, 128, 128] 1")
        _stroke(page)
        expect(editor).not_to_have_attribute("aria-busy", "true")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_label("Seen")).to_have_value("[128, 128, 128] [0, 0, 255] 1")
        # Undo takes the stroke back, Redo draws it again
        expect(page.get_by_role("button", name="Redo")).to_be_disabled()
        page.get_by_role("button", name="Undo").click()
        expect(editor).not_to_have_attribute("aria-busy", "true")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_label("Seen")).to_have_value("[128, 128, 128] [128, 128, 128] 1")
        expect(page.get_by_role("button", name="Undo")).to_be_disabled()
        page.get_by_role("button", name="Redo").click()
        expect(editor).not_to_have_attribute("aria-busy", "true")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_label("Seen")).to_have_value("[128, 128, 128] [0, 0, 255] 1")
        # the eraser takes the stroke off the layer: the background shows again
        page.get_by_role("button", name="Erase").click()
        expect(page.get_by_role("button", name="Erase")).to_have_attribute("aria-pressed", "true")
        page.get_by_label("Eraser size").fill("8")
        _stroke(page, x0=2, x1=38)
        expect(editor).not_to_have_attribute("aria-busy", "true")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_label("Seen")).to_have_value("[128, 128, 128] [128, 128, 128] 1")
        assert watched.messages("error") == []


def test_add_layer_draws_on_a_new_layer_that_can_be_hidden(context: BrowserContext, tmp_path: Path) -> None:
    picture = tmp_path / "white.png"
    Image.new("RGB", (40, 20), (255, 255, 255)).save(picture)
    with serve(_editor_app()) as url:
        page, _ = open_app(context, url)
        page.get_by_label("Photo").set_input_files(picture)
        expect(page.get_by_label("Uploads")).to_have_value("1")
        page.get_by_role("button", name="Show Layers").click()
        page.get_by_role("button", name="Add Layer").click()
        expect(page.get_by_role("button", name="Layer 2")).to_have_attribute("aria-pressed", "true")
        _stroke(page)
        editor = page.locator("#component-1")
        expect(editor).not_to_have_attribute("aria-busy", "true")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_label("Seen")).to_have_value("[255, 255, 255] [0, 0, 255] 2")
        page.get_by_label("Show Layer 2").uncheck()
        expect(editor).not_to_have_attribute("aria-busy", "true")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_label("Seen")).to_have_value("[255, 255, 255] [255, 255, 255] 2")


def test_a_returned_image_is_drawn_in_the_editor(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(label="Out", image_mode="RGB", interactive=True, format="png")
        seen = gr.Textbox(label="Seen")
        fill = gr.Button("Fill")
        fill.click(lambda: np.full((20, 40, 3), (0, 200, 0), dtype=np.uint8), None, editor).then(
            lambda im: f"{im['composite'].shape} {im['composite'][5, 5].tolist()}", editor, seen)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        page.get_by_role("button", name="Fill").click()
        expect(page.get_by_label("Seen")).to_have_value("(20, 40, 3) [0, 200, 0]")
        # what the page drew: the canvas took the image's size and shows its pixels
        assert page.get_by_role("img", name="Canvas").evaluate(
            "c => [c.width, c.height, ...c.getContext('2d').getImageData(5, 5, 1, 1).data]") == [40, 20, 0, 200, 0, 255]


def _gallery_app():
    colors = {"red": (255, 0, 0), "green": (0, 255, 0), "blue": (0, 0, 255)}
    with gr.Blocks() as demo:
        gallery = gr.Gallery([(np.full((8, 8, 3), rgb, dtype=np.uint8), name) for name, rgb in colors.items()],
                             label="Colors", columns=3)
        picked = gr.Textbox(label="Picked")
        opened = gr.Number(0, label="Open")

        def show(evt: gr.SelectData):
            return f"{evt.index} {evt.value['caption']} {sorted(evt.value)}"
        gallery.select(show, None, picked)
        gallery.preview_open(lambda: 1, None, opened)
        gallery.preview_close(lambda: 0, None, opened)
    return demo


def test_a_gallery_shows_captions_select_gives_index_and_caption_and_the_preview_steps(context: BrowserContext):
    with serve(_gallery_app()) as url:
        page, watched = open_app(context, url)
        for name in ("red", "green", "blue"):
            expect(page.locator("figcaption", has_text=name)).to_be_visible()
        page.get_by_role("button", name="Thumbnail 2 of 3").click()
        expect(page.get_by_label("Picked")).to_have_value("1 green ['caption', 'image']")
        preview = page.get_by_role("region", name="Preview")
        expect(preview).to_be_visible()
        expect(page.get_by_label("Open")).to_have_value("1")
        preview.press("ArrowRight")
        expect(page.get_by_label("Picked")).to_have_value("2 blue ['caption', 'image']")
        expect(preview.locator("figcaption")).to_have_text("blue")
        preview.press("ArrowRight")  # past the last: back to the first
        expect(preview.locator("figcaption")).to_have_text("red")
        preview.press("ArrowLeft")
        expect(page.get_by_label("Picked")).to_have_value("2 blue ['caption', 'image']")
        page.get_by_role("button", name="Previous").click()
        expect(preview.locator("figcaption")).to_have_text("green")
        page.get_by_role("button", name="Close").click()
        expect(preview).to_be_hidden()
        expect(page.get_by_label("Open")).to_have_value("0")
        assert watched.messages("error") == []


def test_an_interactive_gallery_takes_uploads(context: BrowserContext, tmp_path: Path) -> None:
    for name in ("a.png", "b.png"):
        Image.new("RGB", (6, 6), "red").save(tmp_path / name)
    with gr.Blocks() as demo:
        gallery = gr.Gallery(label="Mine", type="numpy", interactive=True)
        seen = gr.Textbox(label="Seen")
        gallery.upload(lambda items: " ".join(f"{m.shape}" for m, _ in items), gallery, seen)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        page.get_by_label("Mine").set_input_files([tmp_path / "a.png", tmp_path / "b.png"])
        expect(page.get_by_label("Seen")).to_have_value("(6, 6, 3) (6, 6, 3)")
        expect(page.get_by_role("button", name="Thumbnail 2 of 2")).to_be_visible()


def test_crop_cuts_the_background_and_layers_and_fires_apply(context: BrowserContext, tmp_path: Path) -> None:
    picture = tmp_path / "half.png"
    image = Image.new("RGB", (40, 20), (255, 0, 0))
    image.paste((0, 0, 255), (20, 0, 40, 20))  # left half red, right half blue
    image.save(picture)
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(label="Photo", type="numpy", image_mode="RGB", transforms=("crop",))
        seen = gr.Textbox(label="Seen")
        applied = gr.Number(0, label="Applied")
        editor.apply(lambda n: n + 1, applied, applied)
        gr.Button("Send").click(lambda im: f"{im['background'].shape} {im['composite'].shape} "
                                           f"{im['composite'][0, 0].tolist()}", editor, seen)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        page.get_by_label("Photo").set_input_files(picture)
        editor_el = page.locator("#component-1")
        expect(editor_el).not_to_have_attribute("aria-busy", "true")
        page.get_by_role("button", name="Crop").click()
        box = page.get_by_role("img", name="Canvas").bounding_box()
        scale = box["width"] / 40
        page.mouse.move(box["x"] + 24 * scale, box["y"] + 2 * scale)
        page.mouse.down()
        page.mouse.move(box["x"] + 36 * scale, box["y"] + 12 * scale, steps=4)
        page.mouse.up()
        page.get_by_role("button", name="Apply crop").click()
        expect(page.get_by_label("Applied")).to_have_value("1")
        expect(editor_el).not_to_have_attribute("aria-busy", "true")
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_label("Seen")).to_have_value("(10, 12, 3) (10, 12, 3) [0, 0, 255]")


def test_selected_index_from_a_listener_opens_and_closes_the_preview(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gallery = gr.Gallery([(np.full((4, 4, 3), v, dtype=np.uint8), f"shade {v}") for v in (0, 100, 200)],
                             label="Shades", selected_index=2)
        gr.Button("Second").click(lambda: gr.Gallery(selected_index=1), None, gallery)
        gr.Button("None").click(lambda: gr.Gallery(selected_index=None), None, gallery)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        preview = page.get_by_role("region", name="Preview")
        expect(preview.locator("figcaption")).to_have_text("shade 200")  # starts on selected_index
        page.get_by_role("button", name="Second").click()
        expect(preview.locator("figcaption")).to_have_text("shade 100")
        expect(page.get_by_role("button", name="Thumbnail 2 of 3")).to_have_attribute("aria-current", "true")
        page.get_by_role("button", name="None", exact=True).click()
        expect(preview).to_be_hidden()


def test_a_pasted_image_becomes_the_background(context: BrowserContext, tmp_path: Path) -> None:
    """Ctrl+V (a paste event carrying a PNG) and the Paste button (the clipboard API) both set it."""
    with serve(_editor_app()) as url:
        page, _ = open_app(context, url)
        buffer = io.BytesIO()
        Image.new("RGB", (2, 1), "red").save(buffer, format="PNG")
        png = base64.b64encode(buffer.getvalue()).decode()
        page.locator("#component-1").evaluate("""(el, png) => {
            const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
            const data = new DataTransfer();
            data.items.add(new File([bytes], "pasted.png", { type: "image/png" }));
            el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
        }""", png)
        expect(page.get_by_label("Uploads")).to_have_value("1")
        assert page.get_by_role("img", name="Canvas").evaluate("c => [c.width, c.height]") == [2, 1]
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        page.evaluate("""async (png) => {
            const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
            const blob = new Blob([bytes], { type: "image/png" });
            await navigator.clipboard.write([new ClipboardItem({ "image/png": blob })]);
        }""", png)
        page.get_by_role("button", name="Paste").click()
        expect(page.get_by_label("Uploads")).to_have_value("2")


def test_the_previewed_item_downloads_byte_identical_and_buttons_choose_the_links(context: BrowserContext,
                                                                                 tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    Image.new("RGB", (5, 5), "purple").save(picture)
    with gr.Blocks() as demo:
        gr.Gallery([(str(picture), "mine")], label="All")
        gr.Gallery([str(picture)], label="Plain", buttons=["fullscreen"])
    with serve(demo) as url:
        page, _ = open_app(context, url)
        page.locator("#component-1").get_by_role("button", name="Thumbnail 1 of 1").click()
        with page.expect_download() as info:
            page.locator("#component-1").get_by_role("link", name="Download").click()
        assert info.value.suggested_filename == "photo.png"
        assert Path(info.value.path()).read_bytes() == picture.read_bytes()
        plain = page.locator("#component-2")
        plain.get_by_role("button", name="Thumbnail 1 of 1").click()
        expect(plain.get_by_role("button", name="Fullscreen")).to_be_visible()
        expect(plain.get_by_role("link", name="Download")).to_be_hidden()
