"""On/off components."""

from __future__ import annotations

import logging
from typing import Any

from ..component import Component
from ..events import CHANGE_DOC, INPUT_DOC, EventListener

log = logging.getLogger("blocks")


class Checkbox(Component):
    """A native `<input type=checkbox>` inside its `<label>`; its value is True or False."""

    renderer = "checkbox"
    default_label = "Checkbox"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    select = EventListener("select", "Fires when the user checks or unchecks the box.")
    ignored_args = frozenset({"container", "preserved_by_key", "buttons"})
    unhonoured = {"every": "not supported yet: the value is not refreshed",
                  "inputs": "not supported yet: the value is not refreshed"}

    def __init__(
        self,
        value: bool | Any = False,
        *,
        label: str | None = None,
        info: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
    ):
        super().__init__(value, label=label, info=info, show_label=show_label, interactive=interactive,
                         visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render,
                         key=key, scale=scale, min_width=min_width)

    def postprocess(self, value: Any) -> bool:
        return bool(value)  # as Gradio: None unchecks the box

    def check_payload(self, payload: Any) -> bool:
        if not isinstance(payload, bool):
            raise self.bad_payload(payload, "true or false")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "boolean"}
