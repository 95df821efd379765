"""Numeric components."""

from __future__ import annotations

import logging
import math
import random
from typing import Any

from ..component import Arg, Component
from ..errors import BlocksError, Error
from ..events import BLUR_DOC, CHANGE_DOC, FOCUS_DOC, INPUT_DOC, SUBMIT_DOC, EventListener

log = logging.getLogger("blocks")


class Number(Component, renderer="number"):
    """An `<input type=number>`.

    Args:
        precision: digits after the point the callback receives; 0 gives an int, None the number
            as the page sent it (30 for a typed 30 or 30.0, as in Gradio).
        minimum, maximum: the accepted range; a value outside it is refused with an error toast.
        step: the increment of the arrows.
    """

    default_label = "Number"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    submit = EventListener("submit", SUBMIT_DOC)
    focus = EventListener("focus", FOCUS_DOC)
    blur = EventListener("blur", BLUR_DOC)
    args = {"placeholder": None, "precision": None, "minimum": None, "maximum": None, "step": 1}

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


class _NotAnEvent:
    """Hides an event inherited from the parent class: `slider.submit` is an AttributeError, as in Gradio."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, block: Any, owner: type) -> Any:
        raise AttributeError(f"{owner.__name__} has no event '{self.name}'.")


class Slider(Number, renderer="slider"):
    """An `<input type=range>` with a number box beside it; its value is always in [minimum, maximum].

    Args:
        minimum, maximum: the range; a page or API value outside it is refused.
        value: the starting value; None starts at `minimum`.
        step: the increment; None gives Gradio's default, a power of ten about 1/100 of the range.
        randomize: start each session at a random step of the range (ignores `value`).
    """

    default_label = "Slider"
    events = ()  # not Number's submit, focus and blur
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    release = EventListener("release", "Fires when the user lets go of the slider after moving it.")
    submit = focus = blur = _NotAnEvent()
    minimum: float  # never None, unlike Number's
    maximum: float
    args = {"show_reset_button": Arg(True, unhonoured="not supported yet: there is no reset button"),
            "minimum": 0, "maximum": 100, "step": None, "randomize": Arg(False, prop=False)}
    positional = ("minimum", "maximum", "value")

    def setup(self) -> None:
        if not self.minimum < self.maximum:
            raise BlocksError(f"Slider(minimum={self.minimum!r}, maximum={self.maximum!r}): "
                              f"minimum must be less than maximum.")
        step: float | None = self.step  # type: ignore[has-type]
        if step is None:
            self.step = 10 ** math.floor(math.log10(self.maximum - self.minimum) - 2)
        if self.randomize:
            self.value = self._random_value
        elif self.value is None:
            self.value = self.minimum

    def _random_value(self) -> float:
        value = self.minimum + random.randint(0, int((self.maximum - self.minimum) / self.step)) * self.step
        decimals = max(str(self.step)[::-1].find("."), 0)  # 0.1 steps give 0.3, not 0.30000000000000004
        return round(value, decimals) if decimals else value

    def postprocess(self, value: Any) -> float | int | None:
        return super().postprocess(self.minimum if value is None or value == "" else value)

    def check_payload(self, payload: Any) -> float | int:
        if (isinstance(payload, bool) or not isinstance(payload, (int, float)) or not math.isfinite(payload)
                or not self.minimum <= payload <= self.maximum):
            raise self.bad_payload(payload, f"a number from {self.minimum} to {self.maximum}")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "number"}

    def api_input_info(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}
