"""gr.ImageSlider: two images one over the other, a draggable divider showing the first left of it
and the second right of it (values through files/images.py, as gr.Image's)."""

from __future__ import annotations

from typing import Any

from ..component import Arg, Component
from ..errors import BlocksError, InvalidValueError
from ..events import CHANGE_DOC, EventListener
from ..files import FileRules, images

MODES = ("1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F")


def _position(block: Any, value: Any) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 100:
        raise BlocksError(f"ImageSlider(slider_position={value!r}): give a percentage of the width, 0 to 100.")
    return float(value)


class ImageSlider(Component, renderer="imageslider"):
    """A before/after pair: the callback gets a tuple of two numpy arrays, PIL images or paths (`type`),
    and may return a tuple of anything gr.Image accepts (paths, URLs, arrays, PIL images, bytes)."""

    default_label = "Image Slider"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", "Fires when the user uploads or clears an image.")
    upload = EventListener("upload", "Fires when the user uploads an image.")
    clear = EventListener("clear", "Fires when the user clears the images.")
    select = EventListener("select", "Selecting a point of the images (not supported yet).",
                           unbuilt="clicking the images fires no select yet")
    stream = EventListener("stream", "Webcam streaming (not supported yet).",
                           unbuilt="the slider has no webcam; use .upload")
    args = {
        "format": "webp",
        "height": None,
        "width": None,
        "image_mode": Arg("RGB", prop=False, one_of=(None, *MODES)),
        "type": Arg("numpy", prop=False, one_of=images.TYPES),
        "slider_position": Arg(50, convert=_position),
        "max_height": 500,
    }

    def rules(self) -> FileRules:
        return getattr(self.blocks, "file_rules", None) or FileRules()

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        where = self.describe()
        return tuple(images.from_payload(one, self.rules(), where, self.type, self.image_mode)  # type: ignore[attr-defined]
                     for one in payload)

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        where = self.describe()
        if not (isinstance(value, (tuple, list)) and len(value) == 2):
            raise InvalidValueError(f"{where} returned {type(value).__name__}; return a tuple of two images "
                                    f"(before, after).")
        return [images.to_payload(one, self.rules(), where, self.format) for one in value]  # type: ignore[attr-defined]

    def check_payload(self, payload: Any) -> Any:
        if payload is None:
            return None
        if not (isinstance(payload, list) and len(payload) == 2 and all(
                one is None or (isinstance(one, dict) and isinstance(one.get("path"), str)) for one in payload)):
            raise self.bad_payload(payload, "two images [{'path': ...} or null, {'path': ...} or null], or null")
        return payload

    def api_info(self) -> dict[str, Any]:
        one = {"anyOf": [{"type": "object", "properties": {"path": {"type": "string"},
                                                          "url": {"type": ["string", "null"]}},
                          "required": ["path"]}, {"type": "null"}]}
        return {"anyOf": [{"type": "array", "items": one, "minItems": 2, "maxItems": 2}, {"type": "null"}]}


__all__ = ["ImageSlider"]
