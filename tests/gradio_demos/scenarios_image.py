"""Scenarios of Gradio's image demos: upload a picture into an Image found by its label, click on it,
clear it, and look at what an Image shows (its size and a few pixels, read back through a canvas).

An Image is found the same way on both pages: the label element with that text, then the largest
enclosing element that holds no other label (the component's block).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PICTURE = str(Path(__file__).resolve().parent / "apps" / "halves.png")  # 40x20, red left half, blue right half

_FIND = """([label, nth]) => {
  const labels = [...document.querySelectorAll('label, [data-testid=block-label]')]
    .filter((l) => l.textContent.trim() === label);
  let box = labels[nth ?? 0];
  if (!box) return null;
  const count = (el) => el.querySelectorAll('label, [data-testid=block-label]').length;
  while (box.parentElement && count(box.parentElement) === 1) box = box.parentElement;
  return box;
}"""


def _box(page: Any, label: str, nth: int = 0) -> Any:
    return page.evaluate_handle(_FIND, [label, nth]).as_element()


def upload(page: Any, label: str, nth: int = 0) -> None:
    _box(page, label, nth).query_selector("input[type=file]").set_input_files(PICTURE)


def click_image(page: Any, label: str, fx: float, fy: float, nth: int = 0) -> None:
    """Click the image at a fraction (fx, fy) of its width and height."""
    image = _box(page, label, nth).query_selector("img")
    box = image.bounding_box()
    page.mouse.click(box["x"] + fx * box["width"], box["y"] + fy * box["height"])


def clear_image(page: Any, label: str, nth: int = 0) -> None:
    _box(page, label, nth).query_selector("button[aria-label='Remove Image']").click()


def image(page: Any, label: str, nth: int = 0) -> Any:
    """[width, height, colour at the left quarter, colour at the right quarter] (colours in steps of 32),
    or None when no loaded image shows."""
    box = _box(page, label, nth)
    if box is None:
        return None
    return box.evaluate("""(box) => {
      const img = [...box.querySelectorAll('img')].find((i) => i.complete && i.naturalWidth && i.offsetParent);
      if (!img) return null;
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
      const context = canvas.getContext('2d');
      context.drawImage(img, 0, 0);
      const at = (x) => [...context.getImageData(x, img.naturalHeight >> 1, 1, 1).data.slice(0, 3)]
        .map((v) => Math.round(v / 32));
      return [img.naturalWidth, img.naturalHeight, at(img.naturalWidth >> 2), at((img.naturalWidth * 3) >> 2)];
    }""")


ACTIONS = {"upload": upload, "click_image": click_image, "clear_image": clear_image}
LOOKS = {"image": image}

SCENARIOS: dict[str, list[tuple[Any, ...]]] = {
    "blocks_flipper": [("tab", "Flip Image"), ("upload", "Image", 0), ("look", "image", "Image", 0),
                       ("click", "Flip"), ("look", "image", "Image", 1)],
    "image-simple": [("upload", "Image", 0), ("click", "Run"), ("look", "image", "Image", 1)],
    "sepia_filter": [("upload", "input_img"), ("click", "Submit"), ("look", "image", "output")],
    "image_mod": [("upload", "image"), ("click", "Submit"), ("look", "image", "output")],
    "image_selections": [("upload", "Input"), ("look", "image", "Selected Segment"),
                         ("click_image", "Input", 0.2, 0.5), ("look", "image", "Selected Segment")],
    "image_component_events": [("upload", "Input Image"), ("look", "value", "# Upload Events"),
                               ("look", "value", "# Input Events"), ("look", "value", "# Change Events"),
                               ("look", "value", "# Change Events Output"), ("look", "image", "Output Image"),
                               ("click_image", "Output Image", 0.5, 0.5), ("look", "value", "# Select Events"),
                               ("clear_image", "Input Image"), ("look", "value", "# Clear Events"),
                               ("look", "value", "# Change Events"), ("look", "value", "# Input Events")],
}
