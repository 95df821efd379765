"""gr.AnnotatedImage and gr.ImageSlider over a real server: what the page receives (files it may
fetch, one PNG per annotation, labels and colours) and what the function gets for each `type`."""

from __future__ import annotations

from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image

import blocks as gr
from blocks.errors import BlocksError

from .conftest import Page, value


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))
    return tmp_path


def test_boxes_and_masks_become_one_coloured_png_each_over_the_base_image(serve):
    base = np.zeros((40, 60, 3), dtype=np.uint8)
    base[:, :, 2] = 200
    soft = np.zeros((40, 60))
    soft[10:20, 30:50] = 0.5
    hard = np.zeros((40, 60), dtype=bool)
    hard[0:5, 0:5] = True
    with gr.Blocks() as demo:
        go = gr.Button("Go")
        shown = gr.AnnotatedImage(color_map={"car": "#00ff00"}, format="png")
        go.click(lambda: (base, [((2, 3, 22, 33), "car"), (soft, "tree"), (hard, "car")]), None, shown)
    url = serve(demo)
    page = Page(url)
    payload = value(page.event(go), shown)
    assert [a["label"] for a in payload["annotations"]] == ["car", "tree", "car"]
    assert [a["color"] for a in payload["annotations"]] == ["#00ff00", "#f97316", "#00ff00"]
    with Image.open(payload["image"]["path"]) as image:
        assert image.format == "PNG" and image.size == (60, 40) and image.getpixel((1, 1))[2] == 200
    assert httpx.get(url + payload["image"]["url"]).status_code == 200
    box, tree, corner = (a["image"] for a in payload["annotations"])
    assert len({box["path"], tree["path"], corner["path"]}) == 3
    for mask in (box, tree, corner):
        reply = httpx.get(url + mask["url"])
        assert reply.status_code == 200 and reply.headers["content-type"] == "image/png"
    with Image.open(box["path"]) as png:  # border solid, inside half transparent, outside clear
        assert png.mode == "RGBA" and png.size == (60, 40)
        assert png.getpixel((2, 3)) == (0, 255, 0, 255) and png.getpixel((12, 18)) == (0, 255, 0, 128)
        assert png.getpixel((40, 5))[3] == 0
    with Image.open(tree["path"]) as png:
        assert png.getpixel((35, 15)) == (249, 115, 22, 128) and png.getpixel((5, 35))[3] == 0
    with Image.open(corner["path"]) as png:
        assert png.getpixel((2, 2)) == (0, 255, 0, 255) and png.getpixel((10, 10))[3] == 0


def test_a_path_base_is_measured_for_boxes_and_as_an_input_the_function_gets_paths(serve, tmp_path):
    photo = tmp_path / "photo.png"
    Image.new("RGB", (30, 20), (9, 9, 9)).save(photo)
    with gr.Blocks() as demo:
        shown = gr.AnnotatedImage((str(photo), [((0, 0, 10, 10), "sky")]))
        seen = gr.Textbox()
        go = gr.Button()
        go.click(lambda v: f"{Path(v[0]).name} {[(Path(m).suffix, label) for m, label in v[1]]}", shown, seen)
    page = Page(serve(demo))
    [annotation] = shown.initial_value()["annotations"]
    with Image.open(annotation["image"]["path"]) as png:
        assert png.size == (30, 20)
    assert value(page.event(go), seen) == "photo.png [('.png', 'sky')]"


def test_bad_annotations_and_colours_say_what_to_give():
    with gr.Blocks():
        shown = gr.AnnotatedImage(color_map={"x": "green"})
    image = np.zeros((4, 4, 3), dtype=np.uint8)
    with pytest.raises(gr.InvalidValueError, match=r"mask \(a 2-D numpy array"):
        shown.postprocess((image, [("oops", "y")]))
    with pytest.raises(gr.InvalidValueError, match="2-D array"):
        shown.postprocess((image, [(np.zeros((4, 4, 3)), "y")]))
    with pytest.raises(gr.InvalidValueError, match="hex colour"):
        shown.postprocess((image, [((0, 0, 1, 1), "x")]))
    empty = shown.postprocess((image, [((2, 2, 2, 3), "y")]))["annotations"][0]["image"]["path"]
    with Image.open(empty) as png:
        assert png.getextrema()[3] == (0, 0)
    with pytest.raises(gr.InvalidValueError, match=r"return \(image,"):
        shown.postprocess(image)
    with pytest.raises(gr.InvalidValueError, match="'annotations'"):
        shown.check_payload({"image": {"path": "a.png"}, "annotations": [{"label": "no image"}]})
    assert shown.check_payload(None) is None


def test_image_slider_hands_each_type_and_takes_what_gr_image_takes(serve, tmp_path):
    left = tmp_path / "left.png"
    Image.new("RGBA", (8, 6), (255, 0, 0, 255)).save(left)
    with gr.Blocks() as demo:
        as_numpy = gr.ImageSlider(label="Numpy", interactive=True)
        as_pil = gr.ImageSlider(label="Pil", type="pil", interactive=True)
        as_path = gr.ImageSlider(label="Path", type="filepath", image_mode=None, interactive=True)
        seen = gr.Textbox()
        out = gr.ImageSlider(label="Out", format="png")
        go = gr.Button()
        as_numpy.upload(lambda v: f"{type(v[0]).__name__} {v[0].shape} {v[1]}", as_numpy, seen)
        as_pil.upload(lambda v: f"{type(v[0]).__name__} {v[0].mode} {v[1].size}", as_pil, seen)
        as_path.upload(lambda v: f"{type(v[0]).__name__} {Path(v[0]).suffix}", as_path, seen)
        go.click(lambda: (np.zeros((3, 5, 3), dtype=np.uint8), Image.new("L", (5, 3), 7)), None, out)
    url = serve(demo)
    page = Page(url)
    [file] = httpx.post(url + "upload?format=filedata", headers={"X-Blocks-Session": page.session["resume"]},
                        files=[("files", ("left.png", left.read_bytes()))]).json()["files"]
    assert value(page.event(as_numpy, "upload", {as_numpy: [file, None]}), seen) == "ndarray (6, 8, 3) None"
    assert value(page.event(as_pil, "upload", {as_pil: [file, file]}), seen) == "Image RGB (8, 6)"
    assert value(page.event(as_path, "upload", {as_path: [file, None]}), seen) == "str .png"
    pair = value(page.event(go), out)
    assert [Path(p["path"]).suffix for p in pair] == [".png", ".png"]
    assert all(httpx.get(url + p["url"]).status_code == 200 for p in pair)
    page.event(as_numpy, "upload", {as_numpy: "not a pair"})
    assert "two images" in page.errors()[-1]["message"]


def test_image_slider_position_is_a_percentage():
    with pytest.raises(BlocksError, match="0 to 100"):
        gr.ImageSlider(slider_position=150)
    assert gr.ImageSlider(slider_position=25).props()["slider_position"] == 25
