"""On/off components."""

from __future__ import annotations

import logging
from typing import Any

from ..component import Component
from ..events import CHANGE_DOC, INPUT_DOC, EventListener

log = logging.getLogger("blocks")


class Checkbox(Component, renderer="checkbox"):
    """A native `<input type=checkbox>` inside its `<label>`; its value is True or False."""

    default_label = "Checkbox"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    select = EventListener("select", "Fires when the user checks or unchecks the box.")
    args = {"value": False}

    def postprocess(self, value: Any) -> bool:
        return bool(value)  # as Gradio: None unchecks the box

    def check_payload(self, payload: Any) -> bool:
        if not isinstance(payload, bool):
            raise self.bad_payload(payload, "true or false")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "boolean"}
