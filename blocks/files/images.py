"""Image values in and out of callbacks, for every image-carrying component (Image, Gallery,
AnnotatedImage, ImageSlider, ImageEditor, Chatbot ...).

Out: a path, pathlib.Path, URL, PIL image, numpy array or bytes becomes a file in the cache (arrays
and PIL images are saved in the component's `format`). In: a cached file becomes what Gradio hands
the function for `type` ("numpy", "pil" or "filepath"), converted to `image_mode` if one is given.
numpy and Pillow are imported only here, and only when such a value passes (blocks[media]).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..errors import InvalidValueError
from ..extras import loaded, require
from . import cache, values

TYPES = ("numpy", "pil", "filepath")


def _numpy_to_pil(array: Any, where: str) -> Any:
    np = require("numpy", where)
    image = require("PIL.Image", where)
    if array.dtype == np.bool_:
        array = array.astype(np.uint8) * 255
    elif np.issubdtype(array.dtype, np.floating):
        low, high = (float(array.min()), float(array.max())) if array.size else (0.0, 1.0)
        if low >= -1.0 and high <= 1.0:  # Gradio's convention: floats in [0, 1] (or [-1, 1]) are scaled
            array = (array.clip(0, 1) * 255) if low >= 0 else ((array + 1) * 127.5)
        array = array.clip(0, 255).round().astype(np.uint8)
    elif array.dtype != np.uint8:
        array = array.clip(0, 255).astype(np.uint8)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if array.ndim not in (2, 3):
        raise InvalidValueError(f"{where} returned an array of shape {array.shape}; an image is (height, width) "
                                f"or (height, width, 3 or 4).")
    return image.fromarray(array)


def is_image_object(value: Any) -> bool:
    """A numpy array or a PIL image (without importing either library)."""
    np, pil = loaded("numpy"), loaded("PIL.Image")
    return bool((np is not None and isinstance(value, np.ndarray))
                or (pil is not None and isinstance(value, pil.Image)))


def to_file(value: Any, where: str, fmt: str = "webp") -> Any:
    """A returned image as something files/values.to_payload takes: a path (arrays, PIL images and
    bytes saved into the cache first), or the value unchanged (a path, URL or FileData)."""
    np, pil = loaded("numpy"), loaded("PIL.Image")
    if np is not None and isinstance(value, np.ndarray):
        value = _numpy_to_pil(value, where)
    if pil is not None and isinstance(value, pil.Image):
        fmt = (fmt or "webp").lower().lstrip(".")
        image = value
        if fmt in ("jpeg", "jpg") and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG" if fmt == "jpg" else fmt.upper())
        return cache.store_bytes(buffer.getvalue(), f"image.{fmt}")
    if isinstance(value, (bytes, bytearray)):
        return cache.store_bytes(bytes(value), f"image.{_sniff(bytes(value))}")
    return value


def _sniff(data: bytes) -> str:
    signatures = {b"\x89PNG": "png", b"\xff\xd8": "jpg", b"GIF8": "gif", b"RIFF": "webp", b"<svg": "svg",
                  b"<?xm": "svg", b"BM": "bmp"}
    return next((ext for magic, ext in signatures.items() if data.startswith(magic)), "png")


def from_file(path: str, image_type: str, where: str, image_mode: str | None = None,
              name: str | None = None) -> Any:
    """A received image file as the function's argument for `image_type`, as Gradio's: converted to
    `image_mode` (not a GIF), turned upright by its EXIF orientation; a "filepath" stays the same
    file when no conversion is needed, else a converted copy in the cache in the same format."""
    shown = name or Path(path).name
    if Path(shown).suffix.lower() == ".svg":  # Pillow cannot read SVG; Gradio hands the path
        if image_type == "filepath":
            return path
        raise InvalidValueError(f"{where}: SVG files are not supported as input images for this app "
                                f"(it takes type={image_type!r}; type='filepath' accepts them).")
    if image_type == "filepath" and image_mode is None:
        return path
    pil = require("PIL.Image", where)
    try:
        with pil.open(path) as opened:
            if image_type == "filepath" and image_mode in (None, opened.mode):
                return path
            opened.load()
            image, fmt = opened, opened.format or "PNG"
    except (OSError, ValueError) as error:
        raise InvalidValueError(f"{where}: {shown!r} is not an image Pillow can read ({error}).") from error
    if image.getexif().get(274, 1) != 1:  # 274: orientation; 1 is upright
        image = require("PIL.ImageOps", where).exif_transpose(image)
    if image_mode and image.mode != image_mode and fmt != "GIF":
        image = image.convert(image_mode)
    if image_type == "pil":
        return image
    if image_type == "numpy":
        return require("numpy", where).asarray(image)
    buffer = io.BytesIO()
    try:
        image.save(buffer, format=fmt)
        suffix = Path(shown).suffix or f".{fmt.lower()}"
    except (OSError, KeyError, ValueError):  # a mode this format cannot hold (RGBA as JPEG): PNG
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        suffix = ".png"
    return str(cache.store_bytes(buffer.getvalue(), f"{Path(shown).stem}{suffix}"))


def to_payload(value: Any, rules: Any, where: str, fmt: str = "webp") -> dict[str, Any] | None:
    """A returned image as the page's FileData payload (None stays None)."""
    if value is None:
        return None
    return values.to_payload(to_file(value, where, fmt), rules, where)


def from_payload(payload: Any, rules: Any, where: str, image_type: str, image_mode: str | None) -> Any:
    """A received image payload as the function's argument (None stays None)."""
    if payload is None:
        return None
    data = values.from_payload(payload, rules, where)
    return from_file(data.path, image_type, where, image_mode, name=data.orig_name)
