"""gr.AnnotatedImage: a base image with masks and boxes drawn over it, and a legend of their labels.

Every annotation reaches the page as a translucent PNG the size of the base image, coloured for its
label (color_map, else a stable palette): a mask (a 2-D array of 0..1 or bool) becomes its alpha, a box
(x0, y0, x1, y1) a filled rectangle with a solid border, as Gradio's. Pillow and numpy are imported
only when such a value passes (blocks[media]).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..component import Component
from ..errors import InvalidValueError
from ..events import CHANGE_DOC, EventListener
from ..extras import loaded, require
from ..files import FileRules, cache, images
from ..files.values import from_payload, to_payload

PALETTE = ("#f97316", "#22c55e", "#3b82f6", "#eab308", "#a855f7", "#14b8a6", "#ec4899", "#84cc16")
BORDER = 3  # a box's border in pixels, solid; its inside is half transparent


def _rgb(color: str, where: str) -> tuple[int, int, int]:
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    try:
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    except ValueError:
        raise InvalidValueError(f"{where}: color_map colour {color!r} is not a hex colour like '#ff0000'.") from None


class AnnotatedImage(Component, renderer="annotatedimage"):
    """A base image with its annotations: the callback returns (image, [(mask or box, label), ...]);
    as an input the function gets (base image path, [(mask PNG path, label), ...])."""

    takes_input = False
    default_label = "Annotated Image"
    change = EventListener("change", CHANGE_DOC)
    select = EventListener("select", "Fires when the user clicks an annotation or its legend entry: "
                                     "gr.SelectData.index is the annotation's index, .value its label.")
    args = {"format": "webp", "show_legend": True, "height": None, "width": None, "color_map": None}

    def rules(self) -> FileRules:
        return getattr(self.blocks, "file_rules", None) or FileRules()

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if not (isinstance(value, (tuple, list)) and len(value) == 2 and isinstance(value[1], (list, tuple))):
            raise InvalidValueError(f"{self.describe()} returned {type(value).__name__}; return (image, "
                                    f"[(mask or (x0, y0, x1, y1), label), ...]).")
        base, annotations = value
        base_file, size = self._base(base)
        colors = self._colors([label for _, label in annotations])
        out = []
        for index, (shape, label) in enumerate(annotations):
            color = colors[str(label)]
            mask = _annotation_png(shape, size, _rgb(color, self.describe()), f"{self.describe()} annotation {index}")
            out.append({"image": self._payload(mask), "label": str(label), "color": color})
        return {"image": self._payload(base_file), "annotations": out}

    def _payload(self, file: Any) -> dict[str, Any]:
        return to_payload(file, self.rules(), self.describe())

    def _base(self, base: Any) -> tuple[Any, Any]:
        """The base image as a file for the page, and a function giving its (width, height)."""
        where = self.describe()
        if isinstance(base, str) and base.startswith(("http://", "https://")):
            import urllib.request  # noqa: PLC0415 - it imports tempfile and shutil; only a URL needs it

            with urllib.request.urlopen(base, timeout=30) as reply:  # noqa: S310 - http(s) only, checked above
                base = cache.store_bytes(reply.read(), base.rsplit("/", 1)[-1].split("?")[0] or "image.png")
        if isinstance(base, (str, Path)):
            return base, lambda: _size_of_file(base, where)
        if images.is_image_object(base):
            np = loaded("numpy")
            shape = (base.shape[1], base.shape[0]) if np is not None and isinstance(base, np.ndarray) else base.size
            return images.to_file(base, where, self.format), lambda: shape  # type: ignore[attr-defined]
        raise InvalidValueError(f"{where} returned a base image of type {type(base).__name__}; use a file path, "
                                f"URL, numpy array or PIL image.")

    def _colors(self, labels: list[Any]) -> dict[str, str]:
        given = dict(self.color_map or {})  # type: ignore[attr-defined]
        colors: dict[str, str] = {}
        for label in map(str, labels):
            if label not in colors:
                colors[label] = given.get(label) or PALETTE[sum(c not in given for c in colors) % len(PALETTE)]
        return colors

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        where = self.describe()
        base = from_payload(payload["image"], self.rules(), where).path
        return base, [(from_payload(a["image"], self.rules(), where).path, a["label"]) for a in payload["annotations"]]

    def check_payload(self, payload: Any) -> Any:
        def is_file(one: Any) -> bool:
            return isinstance(one, dict) and isinstance(one.get("path"), str)

        if payload is not None and not (isinstance(payload, dict) and is_file(payload.get("image")) and isinstance(
                payload.get("annotations"), list) and all(isinstance(a, dict) and is_file(a.get("image"))
                                                          and isinstance(a.get("label"), str)
                                                          for a in payload["annotations"])):
            raise self.bad_payload(payload, "{'image': {'path': ...}, 'annotations': [{'image': {'path': ...}, "
                                            "'label': str}, ...]} or null")
        return payload

    def api_value(self, payload: Any) -> Any:
        if payload is None:
            return None
        return {"image": payload["image"], "annotations": [
            {"image": a["image"], "label": a["label"]} for a in payload["annotations"]]}

    def api_info(self) -> dict[str, Any]:
        file = {"type": "object", "properties": {"path": {"type": "string"}, "url": {"type": ["string", "null"]}},
                "required": ["path"]}
        annotation = {"type": "object", "properties": {"image": file, "label": {"type": "string"}}}
        return {"anyOf": [{"type": "object", "properties": {"image": file, "annotations": {
            "type": "array", "items": annotation}}, "required": ["image", "annotations"]}, {"type": "null"}]}


def _annotation_png(shape: Any, size: Any, rgb: tuple[int, int, int], where: str) -> Path:
    """One annotation as a PNG the size of the base image: a mask's alpha, or a box drawn."""
    pil = require("PIL.Image", "gr.AnnotatedImage")
    np = loaded("numpy")
    if np is not None and isinstance(shape, np.ndarray):
        image = _mask_png(np, pil, shape, rgb, where)
    elif isinstance(shape, (tuple, list)) and len(shape) == 4 and all(isinstance(v, (int, float)) for v in shape):
        image = pil.new("RGBA", size(), (0, 0, 0, 0))
        x0, y0, x1, y1 = (round(v) for v in shape)
        if x1 > x0 and y1 > y0:  # an empty box (x0 == x1) draws nothing, as Gradio's
            require("PIL.ImageDraw", where).Draw(image).rectangle(
                (x0, y0, x1 - 1, y1 - 1), fill=(*rgb, 128), outline=(*rgb, 255), width=BORDER)
    else:
        raise InvalidValueError(f"{where} is {type(shape).__name__}; an annotation is a mask (a 2-D numpy "
                                f"array of 0..1) or a box (x0, y0, x1, y1).")
    return images.to_file(image, where, "png")  # type: ignore[no-any-return]


def _size_of_file(path: Any, where: str) -> tuple[int, int]:
    pil = require("PIL.Image", "gr.AnnotatedImage")
    try:
        with pil.open(path) as image:
            return image.size  # type: ignore[no-any-return]
    except (OSError, ValueError) as error:
        raise InvalidValueError(f"{where}: the base image {str(path)!r} cannot be read ({error}).") from error


def _mask_png(np: Any, pil: Any, mask: Any, rgb: tuple[int, int, int], where: str) -> Any:
    """A 2-D mask as an RGBA image: the label's colour where the mask is above 0, the mask as alpha."""
    if mask.ndim != 2:
        raise InvalidValueError(f"{where}: a mask is a 2-D array (height, width); this one has shape {mask.shape}.")
    alpha = mask.astype(np.float64)
    if mask.dtype != np.bool_ and np.issubdtype(mask.dtype, np.integer) and mask.size and mask.max() > 1:
        alpha = alpha / 255.0  # a 0..255 mask
    alpha = alpha.clip(0, 1)
    colored = np.zeros((*mask.shape, 4), dtype=np.uint8)
    colored[alpha > 0, :3] = rgb
    colored[:, :, 3] = (alpha * 255).round().astype(np.uint8)
    return pil.fromarray(colored)


__all__ = ["AnnotatedImage"]
