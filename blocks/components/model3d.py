"""gr.Model3D: a 3D model file (.glb, .gltf, .obj, .stl) shown in a three.js viewer with orbit controls."""

from __future__ import annotations

from typing import Any

from ..component import DROP, Arg
from ..events import CHANGE_DOC, EventListener
from ..files.values import from_payload, to_payload
from .files import FileValue

DISPLAY_MODES = (None, "solid", "point_cloud", "wireframe")


class Model3D(FileValue, renderer="model3d"):
    """A 3D model in a viewer (drag to orbit, wheel to zoom) and a link to download it; as an input a
    drop zone. .splat and .ply files get the link only.

    The callback gets the model's path and may return a path, URL or pathlib.Path.
    """

    default_label = "3D Model"
    change = EventListener("change", CHANGE_DOC)
    upload = EventListener("upload", "Fires when the user uploads a model.")
    edit = EventListener("edit", "Fires when the user edits the model (never: there is no editor).")
    clear = EventListener("clear", "Fires when the user clears the model.")
    args = {"display_mode": Arg(None, one_of=DISPLAY_MODES), "clear_color": None,
            "camera_position": (None, None, None), "zoom_speed": 1, "pan_speed": 1, "height": None,
            "file_count": DROP, "file_types": DROP}
    positional = ("value",)
    MODEL_TYPES = [".glb", ".gltf", ".obj", ".stl", ".splat", ".ply"]

    @property
    def many(self) -> bool:
        return False

    def preprocess(self, payload: Any) -> Any:
        return None if payload is None else from_payload(payload, self.rules(), self.describe(), self.MODEL_TYPES).path

    def postprocess(self, value: Any) -> Any:
        return None if value is None else to_payload(value, self.rules(), self.describe())


__all__ = ["Model3D"]
