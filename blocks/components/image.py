"""gr.Image: an image shown, uploaded, pasted or taken with the webcam (values through files/images.py)."""

from __future__ import annotations

from typing import Any

from ..component import Arg, Component
from ..errors import BlocksError
from ..events import CHANGE_DOC, EventListener
from ..files import FileRules, images

SOURCES = ("upload", "webcam", "clipboard")
BUTTONS = ("download", "share", "fullscreen")
MODES = ("1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F")


def _sources(block: Any, value: Any) -> list[str]:
    chosen = list(SOURCES) if value is None else [value] if isinstance(value, str) else list(value)
    wrong = [s for s in chosen if s not in SOURCES]
    if wrong:
        raise BlocksError(f"{block.describe()}: sources {wrong} are not image sources; use some of {list(SOURCES)}.")
    return chosen


def _buttons(block: Any, value: Any) -> list[str]:
    chosen = list(BUTTONS) if value is None else list(value)
    wrong = [b for b in chosen if b not in BUTTONS]
    if wrong:
        raise BlocksError(f"{block.describe()}: buttons {wrong} are not image buttons; use some of {list(BUTTONS)} "
                          f"(a gr.Button in buttons= is not supported yet).")
    return chosen


class Image(Component, renderer="image"):
    """An image: the callback gets a numpy array (height, width, 3), a PIL image or a file path
    (`type`), converted to `image_mode`; it may return any of those, a URL, pathlib.Path or bytes,
    saved in `format` when it is an array or a PIL image."""

    default_label = "Image"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", "Fires when the user uploads, pastes, captures or clears an image.")
    upload = EventListener("upload", "Fires when the user uploads (or pastes, or captures) an image.")
    clear = EventListener("clear", "Fires when the user clears the image.")
    select = EventListener("select", "Fires when the user clicks the image: gr.SelectData.index is [x, y] in "
                                     "the image's pixels.")
    stream = EventListener("stream", "Webcam streaming (not supported yet).",
                           unbuilt="webcam streaming is not supported yet; use .upload (a captured picture)")
    args = {
        "format": "webp",
        "height": None,
        "width": None,
        "image_mode": Arg("RGB", prop=False, one_of=(None, *MODES)),
        "sources": Arg(None, convert=_sources),
        "type": Arg("numpy", prop=False, one_of=images.TYPES),
        "buttons": Arg(None, convert=_buttons),
        "streaming": Arg(False, unhonoured="not supported yet: the webcam is captured as single pictures"),
        "webcam_options": Arg(None, unhonoured="not supported yet: the webcam uses the browser's default camera, "
                                                "mirrored"),
        "watermark": Arg(None, unhonoured="not supported yet: no watermark is drawn"),
        "placeholder": None,
        "alt_text": None,
    }
    positional = ("value",)
    viewer_events = frozenset({"select"})  # an output image is clickable too (Gradio's image_selections)

    def rules(self) -> FileRules:
        return getattr(self.blocks, "file_rules", None) or FileRules()

    def preprocess(self, payload: Any) -> Any:
        return images.from_payload(payload, self.rules(), self.describe(), self.type, self.image_mode)

    def postprocess(self, value: Any) -> Any:
        return images.to_payload(value, self.rules(), self.describe(), self.format)

    def check_payload(self, payload: Any) -> Any:
        if payload is not None and not (isinstance(payload, dict) and isinstance(payload.get("path"), str)):
            raise self.bad_payload(payload, "an image file {'path': ..., 'url': ...} or null")
        return payload

    def api_info(self) -> dict[str, Any]:
        one = {"type": "object", "properties": {"path": {"type": "string"}, "url": {"type": ["string", "null"]},
                                                "orig_name": {"type": ["string", "null"]}}, "required": ["path"]}
        return {"anyOf": [one, {"type": "null"}]}


__all__ = ["Image"]
