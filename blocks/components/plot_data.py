"""What a native plot sends the page: a table binned, aggregated, sorted and trimmed on the server.

The value is a pandas DataFrame (or the `{"columns", "data", "datatypes"}` dict a plot hands its
listeners); the page gets the same shape with only the rows and columns it draws, datetimes as
milliseconds since the epoch, so that the renderer has no statistics to do.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections.abc import Callable
from typing import Any

from ..errors import BlocksError
from ..extras import loaded

AGGREGATES: dict[str, Callable[[list[float]], float]] = {
    "sum": lambda ys: math.fsum(ys), "mean": statistics.fmean, "median": statistics.median,
    "min": min, "max": max, "count": len,
}
_UNITS_MS = {"ms": 1, "s": 1000, "m": 60_000, "min": 60_000, "h": 3_600_000, "d": 86_400_000,
             "w": 604_800_000, "y": 31_536_000_000}


class PlotDataError(BlocksError, ValueError):
    """A plot's value does not have the columns or types the plot was told to draw."""


def bin_width_ms(x_bin: str) -> int:
    """A time unit such as "10m", "1h", "30s", "1d" in milliseconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*", str(x_bin).lower())
    if not match or match.group(2) not in _UNITS_MS:
        raise PlotDataError(f"x_bin={x_bin!r} is not a time unit; give a number with one of "
                            f"{', '.join(_UNITS_MS)} (e.g. '10m', '1h', '1d'), or a number for a numeric x.")
    return max(1, round(float(match.group(1)) * _UNITS_MS[match.group(2)]))


def _datatype(series: Any) -> str:
    pandas = loaded("pandas")
    assert pandas is not None  # a DataFrame came from pandas
    types = pandas.api.types
    if types.is_bool_dtype(series.dtype) or types.is_string_dtype(series.dtype) or isinstance(
            series.dtype, pandas.CategoricalDtype) or types.is_object_dtype(series.dtype):
        return "nominal"
    if types.is_numeric_dtype(series.dtype):
        return "quantitative"
    if types.is_datetime64_any_dtype(series.dtype):
        return "temporal"
    raise PlotDataError(f"column {series.name!r} has type {series.dtype}, which a plot cannot draw; "
                        f"use numbers, strings or datetimes.")


def _milliseconds(moment: Any) -> int | None:
    pandas = loaded("pandas")
    return None if pandas is None or pandas.isna(moment) else int(moment.timestamp() * 1000)


def table(value: Any) -> dict[str, Any]:
    """A DataFrame or a plot-data dict as {"columns", "data", "datatypes"}."""
    pandas = loaded("pandas")
    if pandas is not None and isinstance(value, pandas.DataFrame):
        value = value.reset_index(drop=True)
        value.columns = [str(c) for c in value.columns]
        datatypes = {c: _datatype(value[c]) for c in value.columns}
        value = value.assign(**{c: value[c].map(_milliseconds).astype(object)
                                for c, kind in datatypes.items() if kind == "temporal"})
        split = json.loads(value.to_json(orient="split"))
        return {"columns": split["columns"], "data": split["data"], "datatypes": datatypes}
    if isinstance(value, dict) and "columns" in value and "data" in value:
        columns = [str(c) for c in value["columns"]]
        datatypes = dict(value.get("datatypes") or {})
        for i, column in enumerate(columns):
            if column not in datatypes:
                numeric = all(isinstance(r[i], (int, float)) or r[i] is None for r in value["data"])
                datatypes[column] = "quantitative" if numeric else "nominal"
        return {"columns": columns, "data": [list(r) for r in value["data"]], "datatypes": datatypes}
    raise PlotDataError(f"a plot's value must be a pandas DataFrame (or a dict with 'columns' and 'data'), "
                        f"got {type(value).__name__}.")


def _column(data: dict[str, Any], name: str, argument: str) -> int:
    if name not in data["columns"]:
        raise PlotDataError(f"{argument}={name!r} is not a column of the plot's value; its columns are "
                            f"{', '.join(map(repr, data['columns']))}.")
    return data["columns"].index(name)


def _binned(x: Any, width: float) -> Any:
    return x if x is None else math.floor(x / width) * width


def prepare(plot: Any, value: Any) -> dict[str, Any]:
    """The rows `plot` draws: x binned, y aggregated by (x, color), sorted, only the needed columns."""
    data = table(value)
    x = plot.x or (data["columns"][0] if data["columns"] else None)
    y = plot.y or (data["columns"][1] if len(data["columns"]) > 1 else None)
    if x is None or y is None:
        raise PlotDataError(f"a plot needs x and y columns; the value has only {data['columns']}.")
    ix, iy = _column(data, x, "x"), _column(data, y, "y")
    ic = _column(data, plot.color, "color") if plot.color else None
    xtype = data["datatypes"][x]
    rows = data["data"]
    width: float | None = None
    if plot.x_bin is not None:
        if xtype == "nominal":
            raise PlotDataError(f"x_bin={plot.x_bin!r} needs a numeric or datetime x; column {x!r} holds text.")
        width = bin_width_ms(plot.x_bin) if isinstance(plot.x_bin, str) else float(plot.x_bin)
        rows = [[_binned(r[ix], width) if i == ix else v for i, v in enumerate(r)] for r in rows]
    aggregate = plot.y_aggregate or ("sum" if width is not None or (xtype == "nominal" and plot.mark == "bar")
                                     else None)
    tips = _tooltip_columns(plot, data, x, y)
    keep = [x, y] + ([plot.color] if plot.color else [])
    if aggregate is None:
        keep += [c for c in tips if c not in keep]
        indexes = [data["columns"].index(c) for c in keep]
        out = [[r[i] for i in indexes] for r in rows if r[ix] is not None and r[iy] is not None]
    else:
        out = _aggregate(rows, ix, iy, ic, aggregate)
    out = _sorted(out, plot.sort, xtype)
    return {"columns": keep, "data": out, "datatypes": {c: data["datatypes"][c] for c in keep},
            "mark": plot.mark, "x_bin": width, "aggregate": aggregate}


def _tooltip_columns(plot: Any, data: dict[str, Any], x: str, y: str) -> list[str]:
    tooltip = plot.tooltip
    if tooltip == "all":
        return list(data["columns"])
    if isinstance(tooltip, (list, tuple)):
        for column in tooltip:
            _column(data, column, "tooltip")
        return list(tooltip)
    return []


def _aggregate(rows: list[list[Any]], ix: int, iy: int, ic: int | None, how: str) -> list[list[Any]]:
    groups: dict[tuple[Any, Any], list[float]] = {}
    for row in rows:
        if row[ix] is None or (row[iy] is None and how != "count"):
            continue
        groups.setdefault((row[ix], row[ic] if ic is not None else None), []).append(row[iy])
    combine = AGGREGATES[how]
    out = []
    for (x, color), ys in groups.items():
        numbers = [float(v) for v in ys if v is not None] if how != "count" else ys
        total = combine(numbers)  # type: ignore[arg-type]
        total = int(total) if isinstance(total, float) and total.is_integer() else total
        out.append([x, total] + ([color] if ic is not None else []))
    return out


def _sorted(rows: list[list[Any]], sort: Any, xtype: str) -> list[list[Any]]:
    if sort is None:
        return sorted(rows, key=lambda r: r[0]) if xtype != "nominal" else rows
    if isinstance(sort, (list, tuple)):
        order = {str(v): i for i, v in enumerate(sort)}
        return sorted(rows, key=lambda r: order.get(str(r[0]), len(order)))
    column = 0 if sort.lstrip("-") == "x" else 1
    return sorted(rows, key=lambda r: (r[column] is None, r[column]), reverse=sort.startswith("-"))
