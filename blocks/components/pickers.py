"""Pickers: a colour and a date/time, each a native input."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ..component import Arg, Component
from ..events import CHANGE_DOC, INPUT_DOC, EventListener

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# "now", or "now - <n><d|h|m|s>", as Gradio accepts
_RELATIVE = re.compile(r"^\s*now\s*(?:-\s*(\d+)\s*([dhms]))?\s*$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


class ColorPicker(Component, renderer="colorpicker"):
    """A native `<input type=color>` named by its label; its value is a hex string such as '#ff8800'."""

    default_label = "Color Picker"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    release = EventListener("release", "Fires when the user closes the colour chooser.")
    submit = EventListener("submit", "Fires when the user presses Enter on the picker.")
    focus = EventListener("focus", "Fires when the picker gains focus.")
    blur = EventListener("blur", "Fires when the picker loses focus.")
    args = {}

    def preprocess(self, payload: Any) -> str | None:
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)

    def check_payload(self, payload: Any) -> str | None:
        if payload is not None and not (isinstance(payload, str) and _HEX_COLOUR.match(payload)):
            raise self.bad_payload(payload, "a colour '#rrggbb'")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}


class DateTime(Component, renderer="datetime"):
    """A native `<input type=datetime-local>` (or `date` without `include_time`).

    The callback gets, by `type`: a float timestamp, a `datetime`, or the string
    'YYYY-MM-DD HH:MM:SS' ('YYYY-MM-DD' without time); 'now' and 'now - 2h' are understood.
    """

    default_label = "Date"
    change = EventListener("change", CHANGE_DOC)
    submit = EventListener("submit", "Fires when the user presses Enter in the field.")
    args = {
        "include_time": True,
        "type": Arg("timestamp", prop=False, one_of=("timestamp", "datetime", "string")),
        "timezone": Arg(None, prop=False),
    }

    @property
    def time_format(self) -> str:
        return "%Y-%m-%d %H:%M:%S" if self.include_time else "%Y-%m-%d"  # type: ignore[attr-defined]

    def _zone(self) -> Any:
        return ZoneInfo(self.timezone) if self.timezone else None  # type: ignore[attr-defined]

    def parse(self, text: str) -> datetime:
        """A datetime from the page's text: 'now', 'now - 3d' or in `time_format`."""
        relative = _RELATIVE.match(text)
        if relative:
            amount = int(relative.group(1) or 0)
            return datetime.now() - timedelta(**{_UNITS[relative.group(2) or "s"]: amount})
        moment = datetime.strptime(text.strip(), self.time_format)
        zone = self._zone()
        return moment.replace(tzinfo=zone) if zone else moment

    def preprocess(self, payload: Any) -> str | float | datetime | None:
        if payload is None or str(payload).strip() == "":
            return None
        if self.type == "string" and "now" not in payload:  # type: ignore[attr-defined]
            return payload
        moment = self.parse(payload)
        if self.type == "string":  # type: ignore[attr-defined]
            return moment.strftime(self.time_format)
        return moment if self.type == "datetime" else moment.timestamp()  # type: ignore[attr-defined]

    def postprocess(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.strftime(self.time_format)
        if isinstance(value, str):
            # a native date input cannot show 'now': the page gets the moment it stands for
            return self.parse(value).strftime(self.time_format) if "now" in value else value
        return datetime.fromtimestamp(float(value), tz=self._zone()).strftime(self.time_format)

    def check_payload(self, payload: Any) -> str | None:
        if payload is None or (isinstance(payload, str) and payload.strip() == ""):
            return payload
        try:
            self.parse(payload)
        except (TypeError, ValueError):
            raise self.bad_payload(payload, f"a date as {self.time_format!r}, 'now' or 'now - 2h'") from None
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "string", "description": f"a date as {self.time_format}, 'now' or 'now - 2h'"}


__all__ = ["ColorPicker", "DateTime"]
