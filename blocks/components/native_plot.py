"""LinePlot, BarPlot and ScatterPlot: a DataFrame drawn as accessible SVG by nativeplot.js.

The server bins, aggregates and sorts (plot_data.py); the page draws what it is sent.
"""

from __future__ import annotations

from typing import Any

from ..component import Arg, Component
from ..events import CHANGE_DOC, EventListener
from .plot_data import AGGREGATES, PlotDataError, prepare

_SELECT_DOC = ("Fires when the user drags across the plot to select a region; the listener's gr.SelectData has "
               "the x range as index and value ([min, max]; categories for a nominal x).")
_DOUBLE_CLICK_DOC = "Fires when the user double-clicks the plot (Gradio uses it to reset a zoom)."


def _sort(block: Any, value: Any) -> Any:
    if value is None or isinstance(value, (list, tuple)) or value in ("x", "y", "-x", "-y"):
        return list(value) if isinstance(value, tuple) else value
    raise PlotDataError(f"sort={value!r}: give 'x', 'y', '-x', '-y' or a list of x values in order.")


def _tooltip(block: Any, value: Any) -> Any:
    if value in ("axis", "none", "all") or isinstance(value, (list, tuple)):
        return list(value) if isinstance(value, tuple) else value
    raise PlotDataError(f"tooltip={value!r}: give 'axis', 'none', 'all' or a list of column names.")


class NativePlot(Component, renderer="nativeplot"):
    """A plot of a pandas DataFrame's columns x against y, one series per value of `color`."""

    takes_input = False
    mark = "line"
    change = EventListener("change", CHANGE_DOC)
    select = EventListener("select", _SELECT_DOC)
    double_click = EventListener("double_click", _DOUBLE_CLICK_DOC)
    positional = ("value", "x", "y")
    args = {
        "x": None, "y": None, "color": None, "title": None, "x_title": None, "y_title": None, "color_title": None,
        "x_bin": None, "y_aggregate": Arg(None, one_of=(None, *AGGREGATES)), "color_map": None,
        "colors_in_legend": None, "x_lim": None, "y_lim": None, "x_label_angle": 0, "y_label_angle": 0,
        "x_axis_format": Arg(None, unhonoured="not supported yet: x ticks use a default format"),
        "y_axis_format": Arg(None, unhonoured="not supported yet: y ticks use a default format"),
        "x_axis_labels_visible": Arg(True, one_of=(True, False, "hidden")), "caption": None,
        "sort": Arg(None, convert=_sort), "tooltip": Arg("axis", convert=_tooltip), "height": None,
        "show_label": None,
        "preserved_by_key": Arg("value", prop=False),
    }

    def setup(self) -> None:
        if self.value is not None and not callable(self.value):
            prepare(self, self.value)  # a wrong column name is an error now, not when the page opens

    def props(self) -> dict[str, Any]:
        props = super().props()
        props["mark"] = self.mark
        return props

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        return prepare(self, value)

    def preprocess(self, payload: Any) -> Any:
        return payload

    def check_payload(self, payload: Any) -> Any:
        if payload is not None and not (isinstance(payload, dict) and isinstance(payload.get("columns"), list)
                                        and isinstance(payload.get("data"), list)):
            raise self.bad_payload(payload, 'an object {"columns": [...], "data": [[...], ...]}')
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any valid json"}


class LinePlot(NativePlot):
    """A line per color through the points (x, y), x numeric, datetime or text."""

    default_label = None
    mark = "line"


class BarPlot(NativePlot):
    """A bar per x value (or x bin), stacked by color; y summed over rows of the same x unless y_aggregate."""

    mark = "bar"


class ScatterPlot(NativePlot):
    """A point per row, colored by `color` (a legend names the colors)."""

    mark = "point"
