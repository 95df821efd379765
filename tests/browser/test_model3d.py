"""gr.Model3D in Chromium: an uploaded .stl is drawn by the three.js viewer (pixels of the model over
the clear_color), three.js is fetched only by a page with a Model3D, and the model downloads back."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser

# A unit cube as ASCII STL: 12 triangles.
CUBE_FACES = [((0, 0, 0), (1, 0, 0), (1, 1, 0)), ((0, 0, 0), (1, 1, 0), (0, 1, 0)),
              ((0, 0, 1), (1, 1, 1), (1, 0, 1)), ((0, 0, 1), (0, 1, 1), (1, 1, 1)),
              ((0, 0, 0), (1, 0, 1), (1, 0, 0)), ((0, 0, 0), (0, 0, 1), (1, 0, 1)),
              ((0, 1, 0), (1, 1, 0), (1, 1, 1)), ((0, 1, 0), (1, 1, 1), (0, 1, 1)),
              ((0, 0, 0), (0, 1, 0), (0, 1, 1)), ((0, 0, 0), (0, 1, 1), (0, 0, 1)),
              ((1, 0, 0), (1, 1, 1), (1, 1, 0)), ((1, 0, 0), (1, 0, 1), (1, 1, 1))]
PIXELS = """canvas => {
  const copy = document.createElement('canvas'); copy.width = canvas.width; copy.height = canvas.height;
  const ctx = copy.getContext('2d'); ctx.drawImage(canvas, 0, 0);
  const at = (x, y) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
  return { centre: at(canvas.width / 2, canvas.height / 2), corner: at(2, 2) };
}"""


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def cube(path: Path) -> Path:
    lines = ["solid cube"]
    for face in CUBE_FACES:
        lines += ["facet normal 0 0 0", "outer loop", *(f"vertex {x} {y} {z}" for x, y, z in face), "endloop",
                  "endfacet"]
    path.write_text("\n".join([*lines, "endsolid cube", ""]))
    return path


def three_requests(page: Page) -> list[str]:
    return page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)"
                         ".filter(n => n.includes('vendor/three'))")


def test_an_uploaded_model_is_drawn_over_the_clear_color_and_downloads_back(context: BrowserContext,
                                                                            tmp_path: Path) -> None:
    model = cube(tmp_path / "cube.stl")
    with gr.Blocks() as demo:
        given = gr.Model3D(label="Model")
        shown = gr.Model3D(label="Shown", clear_color=(1, 0, 0, 1), camera_position=(30, 60, 3), interactive=False)
        given.upload(lambda path: path, given, shown)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        assert three_requests(page) == []  # no model yet: three.js not fetched
        page.get_by_label("Model", exact=True).set_input_files(model)
        canvas = page.locator(".model3d", has=page.get_by_text("Shown", exact=True)).get_by_role("img",
                                                                                              name="3D model cube.stl")
        expect(canvas).to_be_visible()
        page.wait_for_timeout(300)  # a few animation frames
        pixels = canvas.evaluate(PIXELS)
        assert pixels["corner"] == [255, 0, 0]  # clear_color around the model
        assert pixels["centre"] != [255, 0, 0] and max(pixels["centre"]) > 40  # the lit cube in the middle
        assert any(name.endswith("three.module.js") for name in three_requests(page))
        with page.expect_download() as info:
            page.get_by_role("link", name="cube.stl").last.click()
        assert Path(info.value.path()).read_bytes() == model.read_bytes()
        assert watched.messages("error") == []


def test_a_page_without_model3d_never_fetches_three(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.Textbox(label="Name")
    with serve(demo) as url:
        page, _ = open_app(context, url)
        assert three_requests(page) == []
