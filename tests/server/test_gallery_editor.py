"""gr.Gallery and gr.ImageEditor over a real server: what a function returns becomes FileData items the
page may read; what the page sends (uploaded files) reaches the function as numpy / PIL / paths."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image

import blocks as gr

from .conftest import Page, value


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))
    return tmp_path


def _png(color: tuple[int, ...], size: tuple[int, int] = (4, 3), mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def _upload(url: str, page: Page, files: dict[str, bytes]) -> list[dict]:
    reply = httpx.post(url + "upload?format=filedata", headers={"X-Blocks-Session": page.session["resume"]},
                       files=[("files", (name, body)) for name, body in files.items()])
    assert reply.status_code == 200, reply.text
    return reply.json()["files"]


def _read(url: str, item: dict) -> bytes:
    reply = httpx.get(url + item["url"].lstrip("/"))
    assert reply.status_code == 200
    return reply.content


def test_a_gallery_returning_arrays_pil_paths_and_captions_gives_file_items(serve, tmp_path):
    picture = tmp_path / "red.png"
    picture.write_bytes(_png((255, 0, 0)))
    with gr.Blocks() as demo:
        go = gr.Button("Go")
        shown = gr.Gallery(format="png")
        go.click(lambda: [np.zeros((2, 3, 3), dtype=np.uint8), (Image.new("RGB", (5, 5), "blue"), "a blue one"),
                          (str(picture), "red"), (Path(picture), None), ("https://example.com/cat.jpg", "cat"),
                          ("https://example.com/clip.mp4", "a clip")], None, shown)
    url = serve(demo)
    page = Page(url)
    items = value(page.event(go), shown)
    assert [item.get("caption") for item in items] == [None, "a blue one", "red", None, "cat", "a clip"]
    assert ["video" in item for item in items] == [False] * 5 + [True]
    assert items[4]["image"]["url"] == "https://example.com/cat.jpg"
    first = Image.open(io.BytesIO(_read(url, items[0]["image"])))
    assert first.format == "PNG" and first.size == (3, 2)
    assert Image.open(io.BytesIO(_read(url, items[1]["image"]))).getpixel((0, 0)) == (0, 0, 255)
    assert _read(url, items[2]["image"]) == picture.read_bytes() and items[2]["image"]["orig_name"] == "red.png"


@pytest.mark.parametrize("kind", ["filepath", "numpy", "pil"])
def test_an_input_gallery_hands_back_image_caption_tuples_of_its_type(serve, kind):
    with gr.Blocks() as demo:
        gallery = gr.Gallery(type=kind)
        seen = gr.Textbox()
        gallery.change(lambda items: repr([(type(m).__name__, getattr(m, "shape", getattr(m, "size", None)), c)
                                           for m, c in items]), gallery, seen)
    url = serve(demo)
    page = Page(url)
    files = _upload(url, page, {"a.png": _png((1, 2, 3)), "b.png": _png((4, 5, 6), (2, 2))})
    payload = [{"image": files[0], "caption": "first"}, {"image": files[1], "caption": None}]
    got = value(page.event(gallery, "change", {gallery: payload}), seen)
    expected = {"filepath": "[('str', None, 'first'), ('str', None, None)]",
                "numpy": "[('ndarray', (3, 4, 3), 'first'), ('ndarray', (2, 2, 3), None)]",
                "pil": "[('PngImageFile', (4, 3), 'first'), ('PngImageFile', (2, 2), None)]"}[kind]
    assert got == expected


def test_a_gallery_refuses_a_file_it_did_not_give_and_a_lone_image(serve, tmp_path):
    with gr.Blocks() as demo:
        gallery = gr.Gallery()
        seen = gr.Textbox()
        go = gr.Button("Go")
        gallery.change(lambda items: str(len(items)), gallery, seen)
        go.click(lambda: str(tmp_path / "x.png"), None, gallery)
    url = serve(demo)
    page = Page(url)
    page.event(gallery, "change", {gallery: [{"image": {"path": "/etc/passwd"}, "caption": None}]})
    assert "not one this session uploaded" in page.errors()[-1]["message"]
    page.event(go)
    assert "Wrap it in a list" in page.errors()[-1]["message"]


@pytest.mark.parametrize("kind", ["numpy", "pil", "filepath"])
def test_an_editor_payload_reaches_the_function_as_a_dict_of_its_type(serve, kind):
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(type=kind, image_mode="RGB")
        seen = gr.Textbox()

        def describe(im):
            def one(image):
                if isinstance(image, str):
                    image = Image.open(image)
                pixel = image[0, 0].tolist() if isinstance(image, np.ndarray) else list(image.getpixel((0, 0)))
                return f"{type(image).__name__}{pixel}"
            return f"{one(im['background'])} {[one(layer) for layer in im['layers']]} {one(im['composite'])}"
        editor.change(describe, editor, seen)
    url = serve(demo)
    page = Page(url)
    background, layer, composite = _upload(url, page, {
        "background.png": _png((10, 20, 30)), "layer_0.png": _png((0, 0, 0, 0), mode="RGBA"),
        "composite.png": _png((200, 0, 0, 255), mode="RGBA")})
    payload = {"background": background, "layers": [layer], "composite": composite, "id": None}
    got = value(page.event(editor, "change", {editor: payload}), seen)
    name = {"numpy": "ndarray", "pil": "Image", "filepath": "PngImageFile"}[kind]
    # RGB: a transparent layer's pixels drop their alpha (0, 0, 0), the composite is flattened on white
    assert got == f"{name}[10, 20, 30] ['{name}[0, 0, 0]'] {name}[200, 0, 0]"


def test_an_editor_returning_one_image_or_a_dict_shows_files(serve):
    with gr.Blocks() as demo:
        one, many = gr.Button("One"), gr.Button("Many")
        editor = gr.ImageEditor(format="png")
        one.click(lambda: np.full((3, 2, 3), 9, dtype=np.uint8), None, editor)
        many.click(lambda: {"background": Image.new("RGB", (2, 2), "white"), "layers": None, "composite": None},
                   None, editor)
    url = serve(demo)
    page = Page(url)
    shown = value(page.event(one), editor)
    assert shown["background"] == shown["composite"] and shown["layers"] == []
    assert Image.open(io.BytesIO(_read(url, shown["background"]))).size == (2, 3)
    shown = value(page.event(many), editor)
    assert shown["composite"] is None and shown["layers"] == [] and shown["background"]["url"]


def test_editor_options_become_props_and_bad_ones_are_build_errors():
    editor = gr.ImageEditor(brush=gr.Brush(colors=["#ff0000"], default_size=5), eraser=False,
                            layers=gr.LayerOptions(allow_additional_layers=False, layers=["Mask"]), render=False)
    props = editor.props()
    assert props["brush"] == {"default_size": 5, "colors": ["#ff0000"], "default_color": "#ff0000",
                              "color_mode": "defaults"}
    assert props["eraser"] is False and props["layers"]["layers"] == ["Mask"]
    assert gr.Sketchpad(render=False).props()["sources"] == [] and gr.ImageMask(render=False).props()["layers"][
        "disabled"] is True
    with pytest.raises(gr.BlocksError, match="canvas_size"):
        gr.ImageEditor(canvas_size=(800,), render=False)
    with pytest.raises(gr.BlocksError, match="gr.Brush"):
        gr.ImageEditor(brush="red", render=False)
    with pytest.raises(gr.BlocksError, match="'camera' is not one of"):
        gr.ImageEditor(sources=["camera"], render=False)


def test_an_output_gallery_fires_select_and_hands_back_urls_it_was_given(serve):
    with gr.Blocks() as demo:
        go, back = gr.Button("Go"), gr.Button("Back")
        shown = gr.Gallery(interactive=False)
        picked = gr.Textbox()
        go.click(lambda: [("https://example.com/a.png", "a")], None, shown)

        def pick(evt: gr.SelectData) -> str:
            return f"{evt.index} {evt.value['caption']}"
        shown.select(pick, None, picked)
        back.click(lambda items: repr(items), shown, picked)
    url = serve(demo)
    page = Page(url)
    items = value(page.event(go), shown)
    assert value(page.event(shown, "select", data={"index": 0, "value": items[0]}), picked) == "0 a"
    assert value(page.event(back), picked) == "[('https://example.com/a.png', 'a')]"
