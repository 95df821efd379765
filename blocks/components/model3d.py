"""gr.Model3D: a 3D model file (.glb, .gltf, .obj, .stl ...) shown as a download link for now."""

from __future__ import annotations

import logging
from typing import Any

from ..component import DROP, Arg
from ..events import CHANGE_DOC, EventListener
from ..files.values import from_payload, to_payload
from .files import FileValue

log = logging.getLogger("blocks")
_warned: list[bool] = []
PREVIEW = "not supported yet: there is no 3D preview (the model is a download link)"


class Model3D(FileValue, renderer="model3d"):
    """A 3D model: as an input a drop zone, as an output a link to download the model.

    The callback gets the model's path and may return a path, URL or pathlib.Path.
    """

    default_label = "3D Model"
    change = EventListener("change", CHANGE_DOC)
    upload = EventListener("upload", "Fires when the user uploads a model.")
    edit = EventListener("edit", "Fires when the user edits the model (never: there is no editor).")
    clear = EventListener("clear", "Fires when the user clears the model.")
    args = {"display_mode": Arg(None, unhonoured=PREVIEW), "clear_color": Arg(None, unhonoured=PREVIEW),
            "camera_position": Arg((None, None, None), unhonoured=PREVIEW), "zoom_speed": Arg(1, unhonoured=PREVIEW),
            "pan_speed": Arg(1, unhonoured=PREVIEW), "height": None, "file_count": DROP, "file_types": DROP}
    positional = ("value",)
    MODEL_TYPES = [".glb", ".gltf", ".obj", ".stl", ".splat", ".ply"]

    @property
    def many(self) -> bool:
        return False

    def setup(self) -> None:
        super().setup()
        if not _warned:
            _warned.append(True)
            log.warning("gr.Model3D: 3D preview not supported yet; the model is shown as a download link.")

    def preprocess(self, payload: Any) -> Any:
        return None if payload is None else from_payload(payload, self.rules(), self.describe(), self.MODEL_TYPES).path

    def postprocess(self, value: Any) -> Any:
        return None if value is None else to_payload(value, self.rules(), self.describe())


__all__ = ["Model3D"]
