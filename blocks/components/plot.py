"""gr.Plot: a matplotlib, plotly, altair or bokeh figure made by the app, shown by plot.js.

matplotlib figures are drawn on the server (SVG inline by default, or an image in `format`); plotly
figures go as their JSON and the page loads plotly.js, served from the installed `plotly` package,
only when it shows one.
"""

from __future__ import annotations

import base64
import io
from types import ModuleType
from typing import Any

from ..component import Arg, Component
from ..events import CHANGE_DOC, EventListener
from ..extras import loaded
from .plot_data import PlotDataError


def _matplotlib(figure: Any, fmt: str) -> dict[str, Any]:
    if isinstance(figure, ModuleType):  # `return plt`: its current figure
        figure = figure.gcf()
    buffer = io.BytesIO()
    # The default (webp, Gradio's) is sent as SVG: sharp at any size and text a user can select.
    vector = fmt in ("webp", "svg")
    matplotlib = loaded("matplotlib")
    assert matplotlib is not None  # the figure came from it
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as <text>, not outlines: readable, selectable
        figure.savefig(buffer, format="svg" if vector else fmt, bbox_inches="tight")
    pyplot = loaded("matplotlib.pyplot")
    if pyplot is not None and figure in [pyplot.figure(n) for n in pyplot.get_fignums()]:
        pyplot.close(figure)
    if vector:
        return {"type": "matplotlib", "format": "svg", "plot": buffer.getvalue().decode()}
    encoded = base64.b64encode(buffer.getvalue()).decode()
    return {"type": "matplotlib", "format": fmt, "plot": f"data:image/{fmt};base64,{encoded}"}


class Plot(Component, renderer="plot"):
    """A figure from matplotlib (drawn on the server) or plotly (drawn by plotly.js in the page)."""

    takes_input = False
    default_label = None
    change = EventListener("change", CHANGE_DOC)
    args = {"format": "webp", "preserved_by_key": Arg("value", prop=False)}

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        if isinstance(value, dict) and "type" in value and "plot" in value:
            return value
        module = value.__name__ if isinstance(value, ModuleType) else type(value).__module__
        if module.startswith("matplotlib"):
            return _matplotlib(value, self.format)
        if module.startswith("plotly"):
            return {"type": "plotly", "plot": value.to_json()}
        if module.startswith(("altair", "bokeh")):
            raise PlotDataError(f"gr.Plot: {module.split('.')[0]} figures are not supported by blocks yet; "
                                f"use a matplotlib or plotly figure, or gr.LinePlot/BarPlot/ScatterPlot.")
        raise PlotDataError(f"gr.Plot: expected a matplotlib or plotly figure, got {type(value).__name__}.")

    def check_payload(self, payload: Any) -> Any:
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "object", "properties": {"type": {"type": "string"}, "plot": {"type": "string"}}}
