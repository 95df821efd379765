"""gr.Image over a real server: what the function gets for each type, what it may return, bad payloads."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image as PILImage

import blocks as gr

from .conftest import Page, upload_files


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))
    return tmp_path


def _png(width: int, height: int, color=(255, 0, 0, 255), mode="RGBA") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height), color[: len(mode)]).save(buffer, format="PNG")
    return buffer.getvalue()


def _served(url: str, payload: dict) -> PILImage.Image:
    reply = httpx.get(url + payload["url"])
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("image/")
    return PILImage.open(io.BytesIO(reply.content))


def test_each_type_hands_the_function_what_gradio_does(serve):
    with gr.Blocks() as demo:
        as_numpy, as_pil, as_path = gr.Image(), gr.Image(type="pil"), gr.Image(type="filepath", image_mode=None)
        out = gr.Textbox()
        as_numpy.upload(lambda a: f"{type(a).__name__} {a.shape} {a.dtype} {a[0, 0].tolist()}", as_numpy, out)
        as_pil.upload(lambda p: f"{type(p).__name__} {p.mode} {p.size}", as_pil, out)
        as_path.upload(lambda p: f"{type(p).__name__} {Path(p).name} {Path(p).read_bytes()[:4]!r}", as_path, out)
    url = serve(demo)
    page = Page(url)
    [picture] = upload_files(url, page, {"dot.png": _png(4, 3)}).json()["files"]
    # image_mode="RGB" (the default) drops the alpha channel, as Gradio's
    assert page.event(as_numpy, "upload", {as_numpy: picture})[str(out.id)]["value"] == \
        "ndarray (3, 4, 3) uint8 [255, 0, 0]"
    assert page.event(as_pil, "upload", {as_pil: picture})[str(out.id)]["value"] == "Image RGB (4, 3)"
    assert page.event(as_path, "upload", {as_path: picture})[str(out.id)]["value"] == "str dot.png b'\\x89PNG'"


def test_returned_arrays_pil_images_paths_and_bytes_are_served_as_the_same_pixels(serve, tmp_path):
    source = tmp_path / "blue.png"
    source.write_bytes(_png(5, 2, (0, 0, 255, 255)))
    with gr.Blocks() as demo:
        kind = gr.Textbox()
        shown = gr.Image(format="png")

        def make(k):
            array = np.zeros((2, 5, 3), dtype=np.uint8)
            array[:, :, 1] = 255
            return {"numpy": array, "pil": PILImage.new("RGB", (5, 2), (0, 255, 0)), "path": str(source),
                    "pathlib": source, "bytes": source.read_bytes(), "none": None}[k]

        kind.submit(make, kind, shown)
    url = serve(demo)
    page = Page(url)
    for name, rgb in [("numpy", (0, 255, 0)), ("pil", (0, 255, 0)), ("path", (0, 0, 255)), ("pathlib", (0, 0, 255)),
                      ("bytes", (0, 0, 255))]:
        payload = page.event(kind, "submit", {kind: name})[str(shown.id)]["value"]
        served = _served(url, payload)
        assert served.size == (5, 2) and served.convert("RGB").getpixel((0, 0)) == rgb, name
    assert page.event(kind, "submit", {kind: "none"})[str(shown.id)]["value"] is None


def test_a_default_array_is_part_of_the_page_and_the_format_is_honoured(serve):
    with gr.Blocks() as demo:
        shown = gr.Image(np.full((3, 3, 3), 128, dtype=np.uint8), label="Grey")
    url = serve(demo)
    value = demo.config()["components"][str(shown.id)]["props"]["value"]
    assert value["path"].endswith(".webp")
    assert _served(url, value).getpixel((1, 1))[:3] == (128, 128, 128)


def test_bad_payloads_and_non_images_are_refused_with_the_reason(serve):
    with gr.Blocks() as demo:
        picture = gr.Image()
        out = gr.Textbox()
        picture.upload(lambda a: "ran", picture, out)
    url = serve(demo)
    page = Page(url)
    page.event(picture, "upload", {picture: "not a file"})
    assert "expects an image file" in page.errors()[-1]["message"]
    [text] = upload_files(url, page, {"fake.png": b"hello"}).json()["files"]
    page.event(picture, "upload", {picture: text})
    assert "not an image Pillow can read" in page.errors()[-1]["message"]
    page.event(picture, "upload", {picture: {"path": "/etc/hostname"}})
    assert "not one this session uploaded" in page.errors()[-1]["message"]


def test_wrong_arguments_are_build_errors_and_stream_listeners_warn(caplog):
    with pytest.raises(gr.BlocksError, match="sources"):
        gr.Image(sources=["camera"])
    with pytest.raises(gr.BlocksError, match="type"):
        gr.Image(type="tensor")
    with gr.Blocks():
        picture = gr.Image()
        picture.stream(lambda a: a, picture, picture)
    assert "never runs" in caplog.text and "streaming" in caplog.text
