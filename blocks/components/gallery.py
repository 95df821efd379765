"""Gallery: a grid of images and videos with captions, a preview with previous/next (files/ for every file)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..component import Arg, Component
from ..errors import InvalidValueError
from ..events import CHANGE_DOC, EventListener
from ..files import FileRules, images
from ..files.data import guess_type
from ..files.values import from_payload, matches_type, to_payload

log = logging.getLogger("blocks")
FITS = ("contain", "cover", "fill", "none", "scale-down", None)
SOURCES = ("upload", "webcam", "clipboard")
_warned: set[str] = set()


def _sources(block: Any, value: Any) -> list[str]:
    chosen = [value] if isinstance(value, str) else list(value or ["upload"])
    for source in chosen:
        if source not in SOURCES:
            raise InvalidValueError(f"{type(block).__name__}(sources={value!r}): use some of {', '.join(SOURCES)}.")
    others = [s for s in chosen if s != "upload"]
    if others and type(block).__name__ not in _warned:
        _warned.add(type(block).__name__)
        log.warning("gr.%s(sources=%r) is accepted but not supported yet: only 'upload' is offered (not %s).",
                    type(block).__name__, chosen, ", ".join(others))
    return chosen


def _buttons(block: Any, value: Any) -> list[str]:
    """None: Gradio's default set; "share" shows only on Spaces (never here); "download_all" is warned."""
    chosen = ["share", "download", "download_all", "fullscreen"] if value is None else list(value)
    if value is not None and "download_all" in chosen and "Gallery.buttons" not in _warned:
        _warned.add("Gallery.buttons")
        log.warning("gr.Gallery(buttons=[... 'download_all' ...]) is accepted but not supported yet: items "
                    "download one at a time (the preview's Download link).")
    return [b for b in chosen if isinstance(b, str)]


def _media_kind(value: Any) -> str:
    """'video' for a path or URL of a video (by its name), else 'image'."""
    if isinstance(value, (str, Path)):
        return "video" if (guess_type(str(value).split("?")[0]) or "").startswith("video/") else "image"
    return "image"


class Gallery(Component, renderer="gallery"):
    """A grid of images or videos, each a <figure> with its caption; clicking one opens a preview.

    The function gets a list of (media, caption) tuples, images as `type` says ("filepath", "numpy",
    "pil"), videos as paths; it may return a list of images/videos (paths, URLs, arrays, PIL images)
    or of (item, caption) tuples.
    """

    default_label = "Gallery"
    viewer_events = frozenset({"select", "preview_open", "preview_close"})  # an output gallery fires these
    select = EventListener("select", "Fires when the user clicks an item: SelectData index and value "
                                     "({'image': file, 'caption': ...}).")
    upload = EventListener("upload", "Fires when the user uploads images.")
    change = EventListener("change", CHANGE_DOC)
    delete = EventListener("delete", "Fires when the user removes an item.")
    preview_close = EventListener("preview_close", "Fires when the user closes the preview.")
    preview_open = EventListener("preview_open", "Fires when the user opens the preview.")
    args = {"format": Arg("webp", prop=False), "file_types": None, "columns": 2,
            "rows": Arg(None, unhonoured="not supported yet: the grid's height does not follow rows (use height)"),
            "height": None,
            "allow_preview": True, "preview": None, "selected_index": None, "object_fit": Arg(None, one_of=FITS),
            "type": Arg("filepath", prop=False, one_of=images.TYPES), "fit_columns": True,
            "sources": Arg(None, convert=_sources), "buttons": Arg(None, convert=_buttons)}

    def rules(self) -> FileRules:
        return getattr(self.blocks, "file_rules", None) or FileRules()

    def _item_out(self, item: Any) -> dict[str, Any]:
        caption = None
        if isinstance(item, (tuple, list)):
            if len(item) != 2:
                raise InvalidValueError(f"{self.describe()} got {len(item)} values in one item; give an image "
                                        f"or video, or an (item, caption) tuple.")
            item, caption = item
        kind = _media_kind(item)
        if images.is_image_object(item) or isinstance(item, (bytes, bytearray)):
            item = images.to_file(item, self.describe(), self.format)  # type: ignore[attr-defined]
        elif not isinstance(item, (str, Path, dict)) and item is not None:
            raise InvalidValueError(f"{self.describe()} cannot show a {type(item).__name__}; give a path, URL, "
                                    f"numpy array or PIL image (or an (item, caption) tuple).")
        payload = to_payload(item, self.rules(), self.describe())
        return {kind: payload, "caption": None if caption is None else str(caption)}

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, (str, Path)) or images.is_image_object(value):
            raise InvalidValueError(f"{self.describe()} needs a list of images or videos, or of (item, caption) "
                                    f"tuples; got one {type(value).__name__}. Wrap it in a list.")
        return [self._item_out(item) for item in value]

    def preprocess(self, payload: Any) -> Any:
        if not payload:
            return None
        items = []
        for element in payload:
            kind = "video" if "video" in element else "image"
            if str(element[kind].get("path", "")).startswith(("http://", "https://")):  # a URL the app gave
                items.append((element[kind]["path"], element.get("caption")))
                continue
            data = from_payload(element[kind], self.rules(), self.describe())
            name = data.orig_name or Path(data.path).name
            if not matches_type(name, self.file_types):  # type: ignore[attr-defined]
                raise InvalidValueError(f"{self.describe()}: '{name}' is not an accepted file type; this gallery "
                                        f"accepts {', '.join(self.file_types)}.")  # type: ignore[attr-defined]
            media = data.path if kind == "video" else images.from_file(data.path, self.type, self.describe())  # type: ignore[attr-defined]
            items.append((media, element.get("caption")))
        return items

    def check_payload(self, payload: Any) -> Any:
        def good(element: Any) -> bool:
            files = [element.get(k) for k in ("image", "video")] if isinstance(element, dict) else []
            return any(isinstance(f, dict) and isinstance(f.get("path"), str) for f in files)
        if payload is not None and not (isinstance(payload, list) and all(good(e) for e in payload)):
            raise self.bad_payload(payload, "a list of {'image': file, 'caption': ...} or {'video': file, ...}")
        return payload

    def api_info(self) -> dict[str, Any]:
        one = {"type": "object", "properties": {"path": {"type": "string"}, "url": {"type": ["string", "null"]}},
               "required": ["path"]}
        item = {"type": "object", "properties": {"image": one, "video": one, "caption": {"type": ["string", "null"]}}}
        return {"anyOf": [{"type": "array", "items": item}, {"type": "null"}]}


__all__ = ["Gallery"]
