"""Scenarios for Gradio's audio, video, 3D model and file explorer demos (see scenarios.py).

New steps: ("tick", n) checks the page's n-th checkbox (FileExplorer's have no label in Gradio);
("upload", n, file) puts a file of tests/gradio_demos/media into the page's n-th
`<input type=file>`; ("look", "media", tag) counts the `<audio>`/`<video>` elements (shadow roots
included) whose file loaded (a known, positive duration); ("look", "count", selector) counts
elements matching a CSS selector, ("look", "some", selector) whether there is one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MEDIA = Path(__file__).resolve().parent / "media"

LOADED = """tag => {
  const found = [];
  const walk = (root) => root.querySelectorAll('*').forEach((el) => {
    if (el.tagName.toLowerCase() === tag) found.push(el);
    if (el.shadowRoot) walk(el.shadowRoot);
  });
  walk(document);
  return found.filter((el) => el.readyState >= 1 && el.duration > 0).length;
}"""


def upload(page: Any, nth: int, name: str) -> None:
    page.locator("input[type=file]").nth(nth).set_input_files(MEDIA / name)


def tick(page: Any, nth: int) -> None:
    page.locator("input[type=checkbox]").nth(nth).check()


def media(page: Any, tag: str) -> int:
    return int(page.evaluate(LOADED, tag))


def count(page: Any, selector: str) -> int:
    return int(page.locator(selector).count())


ACTIONS = {"upload": upload, "tick": tick}
LOOKS = {"media": media, "count": count, "some": lambda page, selector: count(page, selector) > 0}

SCENARIOS: dict[str, list[tuple[Any, ...]]] = {
    "audio_component": [("look", "count", "input[type=file]"), ("look", "media", "audio"),
                        ("upload", 0, "tone.wav"), ("look", "media", "audio")],
    "audio_component_events": [("upload", 0, "tone.wav"), ("look", "value", "# Input Upload Events"),
                               ("look", "value", "# Input Change Events"), ("look", "value", "# Input Input Events"),
                               ("look", "media", "audio"), ("look", "value", "# Input Start Recording Events")],
    "video_component_events": [("upload", 0, "world.mp4"), ("look", "value", "# Upload Events"),
                               ("look", "value", "# Change Events"), ("look", "value", "# Input Events"),
                               ("look", "media", "video")],
    "video_identity_2": [("upload", 0, "world.mp4"), ("click", "Submit"), ("look", "media", "video")],
    "model3d_component": [("look", "count", "input[type=file]")],
    "model3d_component_events": [("upload", 0, "cube.stl"), ("look", "value", "# Upload Events"),
                                 ("look", "value", "# Change Events"), ("look", "some", "canvas"),
                                 ("click", "Clear"), ("look", "value", "# Clear Events"),
                                 ("look", "value", "Clear Value"), ("look", "value", "# Change Events")],
    # root_dir "." is the demo's folder, which holds other files here than under record.py: only "some"
    "file_explorer_component": [("look", "some", "input[type=checkbox]")],
    "file_explorer_component_events": [("look", "count", "input[type=checkbox]"), ("tick", 2),
                                       ("look", "css_value", "#total-changes input"),
                                       ("check", "Show only text files"), ("look", "count", "input[type=checkbox]"),
                                       ("check", "Ignore text files in glob"),
                                       ("look", "count", "input[type=checkbox]")],
}
