"""ImageEditor (and its presets Sketchpad, Paint, ImageMask): a background image, layers drawn on in the
page, and the composite; with gr.Brush, gr.Eraser, gr.LayerOptions and gr.WebcamOptions for its tools.

The page draws on canvases and sends each image as a PNG it uploaded (POST /upload): the value is
Gradio's {"background": file, "layers": [file, ...], "composite": file}; the function gets the same dict
with each image as `type` says (numpy, PIL or a path), converted to `image_mode`.
"""

from __future__ import annotations

import dataclasses
import io
import logging
from pathlib import Path
from typing import Any

from ..component import Arg, Component
from ..errors import InvalidValueError
from ..events import CHANGE_DOC, EventListener
from ..extras import require
from ..files import FileRules, cache, images
from ..files.values import from_payload, to_payload

log = logging.getLogger("blocks")
SOURCES = ("upload", "webcam", "clipboard")
TRANSFORMS = ("crop", "resize")
DEFAULT_COLORS = ["rgb(204, 50, 50)", "rgb(173, 204, 50)", "rgb(50, 204, 112)", "rgb(50, 112, 204)",
                  "rgb(173, 50, 204)"]
_warned: set[tuple[str, str]] = set()


@dataclasses.dataclass
class Eraser:
    """The eraser's options: default_size, its radius in pixels ("auto": 1/50 of the image's smaller side)."""

    default_size: int | str = "auto"


@dataclasses.dataclass
class Brush(Eraser):
    """The brush's options: default_size, colors (the palette), default_color, color_mode ("fixed": only
    the palette; "defaults": the palette and a color picker)."""

    colors: Any = None
    default_color: Any = None
    color_mode: str = "defaults"

    def __post_init__(self) -> None:
        if self.colors is None:
            self.colors = list(DEFAULT_COLORS)
        if self.default_color is None:
            self.default_color = self.colors[0] if isinstance(self.colors, list) else self.colors


@dataclasses.dataclass
class LayerOptions:
    """The layers' options: allow_additional_layers (an "Add layer" button), layers (their names)."""

    allow_additional_layers: bool = True
    layers: list[str] | None = None
    disabled: bool = False

    def __post_init__(self) -> None:
        if not self.layers:
            self.layers = ["Layer 1"]


@dataclasses.dataclass
class WebcamOptions:
    """The webcam source's options (mirror, constraints); the webcam source is not supported yet."""

    mirror: bool = True
    constraints: dict[str, Any] | None = None


def _warn(block: Any, name: str, message: str) -> None:
    if (type(block).__name__, name) not in _warned:
        _warned.add((type(block).__name__, name))
        log.warning("gr.%s(%s=...) is accepted but %s.", type(block).__name__, name, message)


def _choice(allowed: tuple[str, ...], unbuilt: str, why: str) -> Any:
    def convert(block: Any, value: Any) -> list[str]:
        chosen = [value] if isinstance(value, str) else list(value or [])
        bad = [v for v in chosen if v not in allowed]
        if bad:
            raise InvalidValueError(f"{type(block).__name__}(...={value!r}): {bad[0]!r} is not one of "
                                    f"{', '.join(allowed)}.")
        if unbuilt in chosen and getattr(block, "_explicit", {}).get("sources" if unbuilt == "webcam" else
                                                                     "transforms") is not None:
            _warn(block, "sources" if unbuilt == "webcam" else "transforms", why)
        return chosen
    return convert


def _tool(kind: type) -> Any:
    def convert(block: Any, value: Any) -> Any:
        if value is False:
            return False
        value = kind() if value is None else value
        if not isinstance(value, kind):
            raise InvalidValueError(f"{type(block).__name__}: give a gr.{kind.__name__}(...), None or False; "
                                    f"got {value!r}.")
        return dataclasses.asdict(value)  # type: ignore[call-overload]
    return convert


def _layers(block: Any, value: Any) -> dict[str, Any]:
    options = LayerOptions() if value is True else LayerOptions(disabled=True) if value is False else value
    if not isinstance(options, LayerOptions):
        raise InvalidValueError(f"{type(block).__name__}(layers={value!r}): give True, False or gr.LayerOptions(...).")
    return dataclasses.asdict(options)


def _pair(block: Any, value: Any) -> list[int]:
    if not (isinstance(value, (tuple, list)) and len(value) == 2 and all(isinstance(v, int) and v > 0 for v in value)):
        raise InvalidValueError(f"{type(block).__name__}(canvas_size={value!r}): give (width, height) in pixels.")
    return list(value)


class ImageEditor(Component, renderer="imageeditor"):
    """A canvas with a background image and layers to draw on (brush, eraser), crop, and the composite."""

    default_label = "Image"
    clear = EventListener("clear", "Fires when the user clears the editor.")
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", "Fires when the user changes the image (a stroke, an upload, a crop).")
    select = EventListener("select", "Selecting a point of the canvas (not supported yet).",
                           unbuilt="the editor's canvas does not report clicks yet")
    upload = EventListener("upload", "Fires when the user uploads a background image.")
    apply = EventListener("apply", "Fires when the user applies a crop.")
    args = {"height": None, "width": None, "image_mode": "RGBA",
            "sources": Arg(SOURCES, convert=_choice(SOURCES, "webcam", "not supported yet: no webcam source")),
            "type": Arg("numpy", prop=False, one_of=images.TYPES), "placeholder": None,
            "_selectable": Arg(False, prop=False),
            "transforms": Arg(("crop", "resize"), convert=_choice(TRANSFORMS, "resize",
                                                                  "not supported yet: no resize tool (crop is)")),
            "eraser": Arg(None, convert=_tool(Eraser)), "brush": Arg(None, convert=_tool(Brush)),
            "format": Arg("webp", prop=False), "layers": Arg(True, convert=_layers),
            "canvas_size": Arg((800, 800), convert=_pair), "fixed_canvas": False,
            "webcam_options": Arg(None, prop=False, unhonoured="not supported yet: there is no webcam source")}

    def rules(self) -> FileRules:
        return getattr(self.blocks, "file_rules", None) or FileRules()

    def _image_in(self, payload: Any, flatten: bool) -> Any:
        if payload is None:
            return None
        data = from_payload(payload, self.rules(), self.describe(), ["image"])
        pil = require("PIL.Image", self.describe())
        with pil.open(data.path) as opened:
            image = opened.copy()
        mode = self.image_mode  # type: ignore[attr-defined]
        if flatten and mode not in ("RGBA", "LA", "PA") and ("A" in image.getbands() or "transparency" in image.info):
            image = pil.alpha_composite(pil.new("RGBA", image.size, "white"), image.convert("RGBA"))
        image = image.convert(mode) if mode else image
        if self.type == "pil":  # type: ignore[attr-defined]
            return image
        if self.type == "numpy":  # type: ignore[attr-defined]
            return require("numpy", self.describe()).asarray(image)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return str(cache.store_bytes(buffer.getvalue(), f"{Path(data.orig_name or data.path).stem}.png"))

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        return {"background": self._image_in(payload.get("background"), True),
                "layers": [self._image_in(layer, False) for layer in payload.get("layers") or [] if layer],
                "composite": self._image_in(payload.get("composite"), True)}

    def _image_out(self, value: Any) -> Any:
        if value is None:
            return None
        return to_payload(images.to_file(value, self.describe(), self.format), self.rules(), self.describe())  # type: ignore[attr-defined]

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, (str, Path)) or images.is_image_object(value):
            value = {"background": value, "layers": [], "composite": value}
        if not isinstance(value, dict):
            raise InvalidValueError(f"{self.describe()} needs a dict {{'background': image, 'layers': [images], "
                                    f"'composite': image}} or one image; got {type(value).__name__}.")
        return {"background": self._image_out(value.get("background")),
                "layers": [self._image_out(layer) for layer in value.get("layers") or []],
                "composite": self._image_out(value.get("composite")), "id": None}

    def check_payload(self, payload: Any) -> Any:
        def is_file(item: Any) -> bool:
            return item is None or (isinstance(item, dict) and isinstance(item.get("path"), str))
        if payload is not None and not (isinstance(payload, dict) and is_file(payload.get("background"))
                                        and is_file(payload.get("composite"))
                                        and isinstance(payload.get("layers") or [], list)
                                        and all(is_file(layer) for layer in payload.get("layers") or [])):
            raise self.bad_payload(payload, "{'background': file, 'layers': [file, ...], 'composite': file} or null")
        return payload

    def api_info(self) -> dict[str, Any]:
        one = {"anyOf": [{"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]},
                         {"type": "null"}]}
        return {"anyOf": [{"type": "object", "properties": {"background": one, "composite": one,
                                                            "layers": {"type": "array", "items": one}}},
                          {"type": "null"}]}


class Sketchpad(ImageEditor):
    """gr.Sketchpad: an ImageEditor to draw on from a blank canvas (no sources), a black brush."""

    args = {"sources": (), "brush": Arg(None, convert=lambda b, v: _tool(Brush)(b, v or Brush(
        colors=["#000000"], color_mode="fixed"))), "transforms": ("crop",)}


class Paint(ImageEditor):
    """gr.Paint: an ImageEditor from a blank canvas (no sources)."""

    args = {"sources": (), "transforms": ("crop",)}


class ImageMask(ImageEditor):
    """gr.ImageMask: an ImageEditor to draw a mask over an uploaded image (black brush, one layer)."""

    args = {"brush": Arg(None, convert=lambda b, v: _tool(Brush)(b, v or Brush(colors=["#000000"],
                                                                                color_mode="fixed"))),
            "transforms": ("crop",), "layers": Arg(False, convert=_layers)}


__all__ = ["Brush", "Eraser", "ImageEditor", "ImageMask", "LayerOptions", "Paint", "Sketchpad", "WebcamOptions"]
