"""Gradio's native plot demos (LinePlot, BarPlot, ScatterPlot). Their data is random, so the steps look at
what does not depend on it: the axis and legend titles and category names written in the plots' SVG."""

from __future__ import annotations

import re
from typing import Any

from scenarios import Step


def _svg_text(page: Any, text: str) -> bool:
    """Whether some plot's SVG writes exactly `text` (an axis title, a tick, a legend entry)."""
    found = page.locator("svg text").filter(has_text=re.compile(rf"^\s*{re.escape(text)}\s*$"))
    try:
        found.first.wait_for(state="attached", timeout=3000)
    except Exception:  # noqa: BLE001 - absent is an answer, not an error
        return False
    return found.count() > 0


LOOKS = {"svg_text": _svg_text}
_DASHBOARD: list[Step] = [("look", "svg_text", "temperature"), ("look", "svg_text", "location"),
                          ("look", "svg_text", "indoor"), ("look", "svg_text", "cuisine"),
                          ("look", "svg_text", "Italian"), ("check", "1h"), ("look", "svg_text", "temperature"),
                          ("look", "svg_text", "outdoor")]

SCENARIOS: dict[str, list[Step]] = {
    "plot_guide_line": [("look", "svg_text", "weight"), ("look", "svg_text", "height")],
    "plot_guide_series_nominal": [("look", "svg_text", "weight"), ("look", "svg_text", "ethnicity"),
                                  ("look", "svg_text", "asian"), ("look", "svg_text", "white")],
    "plot_guide_aggregate_nominal": [("look", "svg_text", "ethnicity"), ("look", "svg_text", "height"),
                                     ("look", "svg_text", "Mean of height"), ("look", "svg_text", "black")],
    "line_plot_demo": _DASHBOARD,
    "scatter_plot_demo": _DASHBOARD,
    "bar_plot_demo": _DASHBOARD,
}
