"""gr.Timer: an invisible component whose page fires `tick` every `value` seconds while active."""

from __future__ import annotations

from typing import Any

from ..component import DROP, Arg, Component
from ..events import EventListener


def _positive_interval(block: Any, seconds: Any) -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds <= 0:
        raise ValueError(f"gr.Timer: value is the interval in seconds, a number above 0; got {seconds!r}.")
    return float(seconds)


class Timer(Component, renderer="timer"):
    """Fires `tick` every `value` seconds on each open page while `active`.

    A listener returning gr.Timer(active=False) stops it, gr.Timer(active=True) restarts it and
    gr.Timer(value=0.5) changes the interval.
    """

    tick = EventListener("tick", "Fires every `value` seconds while the timer is active.")
    args = {
        "value": Arg(1.0, convert=_positive_interval),
        "active": True,
        # a page may always fire tick (events of non-interactive components are refused)
        "interactive": Arg(True, prop=False),
        "label": DROP, "info": DROP, "show_label": DROP, "scale": DROP, "min_width": DROP,
        "every": DROP, "inputs": DROP,
    }

    def check_payload(self, payload: Any) -> Any:
        if payload is not None and (isinstance(payload, bool) or not isinstance(payload, (int, float))):
            raise self.bad_payload(payload, "a number of seconds")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "number"}
