"""Numeric components."""

from __future__ import annotations

import math
from typing import Any

from ..component import Component
from ..errors import Error
from ..events import BLUR_DOC, CHANGE_DOC, FOCUS_DOC, INPUT_DOC, SUBMIT_DOC, EventListener


class Number(Component):
    """An `<input type=number>`.

    Args:
        precision: digits after the point the callback receives; 0 gives an int, None the number
            as the page sent it (30 for a typed 30 or 30.0, as in Gradio).
        minimum, maximum: the accepted range; a value outside it is refused with an error toast.
        step: the increment of the arrows.
    """

    renderer = "number"
    default_label = "Number"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    submit = EventListener("submit", SUBMIT_DOC)
    focus = EventListener("focus", FOCUS_DOC)
    blur = EventListener("blur", BLUR_DOC)
    prop_names = Component.prop_names + ("precision", "minimum", "maximum", "step")
    ignored_args = frozenset({"every", "inputs", "container", "preserved_by_key", "placeholder"})

    def __init__(
        self,
        value: float | Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        precision: int | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float = 1,
    ):
        self.precision, self.minimum, self.maximum, self.step = precision, minimum, maximum, step
        super().__init__(value, label=label, info=info, show_label=show_label, interactive=interactive,
                         visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render,
                         key=key, scale=scale, min_width=min_width)

    def initial_value(self) -> float | int | None:
        # Gradio's page shows 0 for a Number without a value, and sends 0 with the next event.
        value = super().initial_value()
        return 0 if value is None else value

    def _round(self, number: float) -> float | int:
        if self.precision is None:
            return number
        if self.precision == 0:
            return int(round(number))
        return round(number, self.precision)

    def preprocess(self, payload: Any) -> float | int | None:
        if payload is None:
            return None
        if self.minimum is not None and payload < self.minimum:
            raise Error(f"Value {payload} is less than the minimum value {self.minimum}.")
        if self.maximum is not None and payload > self.maximum:
            raise Error(f"Value {payload} is greater than the maximum value {self.maximum}.")
        return self._round(payload)

    def postprocess(self, value: Any) -> float | int | None:
        if value is None or value == "":
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self._round(value)  # an int stays an int, as in Gradio
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise self.bad_payload(value, "a number") from None
        return self._round(number)

    def check_payload(self, payload: Any) -> float | int | None:
        if payload is None:
            return None
        if isinstance(payload, bool) or not isinstance(payload, (int, float)) or not math.isfinite(payload):
            raise self.bad_payload(payload, "a finite number or null")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": ["number", "null"]}  # null: an empty box

    def api_input_info(self) -> dict[str, Any]:
        bounds = {"minimum": self.minimum, "maximum": self.maximum}
        return {"type": ["number", "null"], **{k: v for k, v in bounds.items() if v is not None}}
