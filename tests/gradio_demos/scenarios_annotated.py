"""Scenarios for Gradio's AnnotatedImage and ImageSlider demos: an image uploaded through the page's
first file input (the demos' gr.Image), legend entries clicked by their text, images counted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

UPLOADS = Path(__file__).resolve().parent / "uploads"


def _upload(page: Any, name: str, nth: int = 0) -> None:
    """Choose uploads/<name> in the page's nth file input (Gradio hides them; both pages have them)."""
    page.locator("input[type=file]").nth(nth).set_input_files(UPLOADS / name)


def _click_text(page: Any, text: str) -> None:
    page.get_by_text(text, exact=True).first.click()


def _shown_images(page: Any, _target: Any = None) -> int:
    """How many images the app served (src a file= URL, not an icon) are visible on the page."""
    return int(page.evaluate("() => [...document.querySelectorAll('img')].filter(i => (i.getAttribute('src') "
                             "|| '').includes('file=') && i.checkVisibility() && i.getBoundingClientRect().width)"
                             ".length"))


def _press_button(page: Any, text: str) -> None:
    """The <button> element with this text: in blocks gr.Image's file input is also named by the Image's
    label ("Blur image", the same as the demo's button), so get_by_role("button") finds two."""
    page.locator("button", has_text=text).first.click()


# Names of their own: ACTIONS of all scenario files share one dict (scenarios_image.py has "upload").
ACTIONS = {"upload_into_nth": _upload, "click_exact_text": _click_text, "press_button": _press_button}
LOOKS = {"served_images": _shown_images}

SCENARIOS = {
    "image_segmentation": [("upload_into_nth", "sun.png"), ("sleep", 1), ("click", "Identify Sections"), ("sleep", 2),
                           ("look", "text", "banana"), ("click_exact_text", "banana"),
                           ("look", "value", "Selected Section"), ("click_exact_text", "carrot"),
                           ("look", "value", "Selected Section")],
    "imageslider": [("upload_into_nth", "sun.png"), ("sleep", 1), ("press_button", "Blur image"), ("sleep", 2),
                    ("look", "served_images", None)],
}
