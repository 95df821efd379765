"""Table values for gr.Dataframe: whatever an app returns -> the page's {headers, data, metadata},
and the page's payload -> what the function asked for (pandas, numpy, polars, list of lists).

pandas, numpy and polars are never imported here to look at a value: a value can only be one of
their types if the app imported the library (`extras.loaded`); they are imported (`extras.require`)
only to build the value a function asked for.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..errors import InvalidValueError
from ..extras import loaded, require
from ..limits import short_repr

# Gradio's names for a library's dtypes, for datatype="auto"
_AUTO = {"int": "number", "uint": "number", "float": "number", "bool": "bool", "boolean": "bool",
         "datetime": "date", "date": "date", "timedelta": "date", "timestamp": "date"}


def cell(value: Any) -> Any:
    """One cell as JSON: numbers, text, booleans and None kept; numpy scalars unwrapped; dates as ISO text."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    pandas = loaded("pandas")
    if pandas is not None and value is pandas.NaT:  # a missing date (a datetime subclass)
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")  # as Gradio's page shows a pandas Timestamp: 2021-01-01 00:00:00
    if isinstance(value, (date, time)):
        return value.isoformat()
    item = getattr(value, "item", None)  # a numpy scalar (np.int64, np.bool_ ...)
    if callable(item) and type(value).__module__ == "numpy":
        return cell(item())
    return str(value)


def _rows(data: Any, where: str) -> list[list[Any]]:
    if not isinstance(data, (list, tuple)):
        raise InvalidValueError(f"{where}: data must be a list of rows, got {short_repr(data)}.")
    if not data:
        return []
    if not isinstance(data[0], (list, tuple)):  # one column: [1, 2, 3]
        return [[cell(value)] for value in data]
    return [[cell(value) for value in row] for row in data]


def _is(value: Any, module: str, name: str) -> bool:
    lib = loaded(module)
    return lib is not None and isinstance(value, getattr(lib, name))


def _styler_class() -> Any:
    formats = loaded("pandas.io.formats.style")
    return getattr(formats, "Styler", None) if formats is not None else None


def table(value: Any, where: str) -> tuple[list[Any], list[list[Any]], dict[str, Any] | None]:
    """(headers, rows, metadata) of a value an app gives; headers [] when the value has none."""
    styler = _styler_class()
    if value is None:
        return [], [], None
    if styler is not None and isinstance(value, styler):
        return _from_styler(value, where)
    if _is(value, "pandas", "DataFrame"):
        split = value.to_dict(orient="split")
        return [cell(h) for h in split["columns"]], _rows(split["data"], where), None
    if _is(value, "polars", "DataFrame"):
        return list(value.columns), _rows(value.rows(), where), None
    if _is(value, "numpy", "ndarray"):
        return [], _rows(value.tolist(), where), None
    if isinstance(value, dict):
        headers, data = value.get("headers") or [], value.get("data", [])
        return [cell(h) for h in headers], _rows(data, where), value.get("metadata")
    if isinstance(value, (str, Path)):  # a CSV file, read by pandas as Gradio does (numbers typed)
        return table(require("pandas", "gr.Dataframe(value='<a .csv path>')").read_csv(value), where)
    if isinstance(value, (list, tuple)):
        return [], _rows(value, where), None
    raise InvalidValueError(f"{where} cannot show a {type(value).__name__}: return a pandas or polars DataFrame, "
                            f"a numpy array, a list of rows, or {{'headers': [...], 'data': [[...]]}}.")


def _from_styler(styler: Any, where: str) -> tuple[list[Any], list[list[Any]], dict[str, Any]]:
    """A pandas Styler: its frame's cells, with each cell's CSS and shown text as metadata."""
    hidden = {int(column) for column in getattr(styler, "hidden_columns", [])}
    frame = styler.data
    keep = [i for i in range(frame.shape[1]) if i not in hidden]
    headers, rows, _ = table(frame.iloc[:, keep], where)
    shown = styler._compute()._translate(False, False)  # noqa: SLF001 - pandas' only way to read computed styles
    css = {selector: "; ".join(f"{name}: {value}" for name, value in style.get("props", []))
           for style in shown.get("cellstyle", []) for selector in style.get("selectors", [])}
    metadata: dict[str, Any] = {"display_value": [], "styling": []}
    for row in shown["body"]:
        cells = [c for c in row if c.get("type") == "td"]
        cells = [c for index, c in enumerate(cells) if index not in hidden]
        metadata["display_value"].append([str(c.get("display_value", "")) for c in cells])
        metadata["styling"].append([css.get(c.get("id", ""), "") for c in cells])
    return headers, rows, metadata


def auto_datatypes(value: Any) -> list[str] | str:
    """Gradio's datatype="auto": each column's datatype from its dtype (or its first row's types)."""
    if _is(value, "pandas", "DataFrame") or _is(value, "polars", "DataFrame"):
        dtypes = [str(dtype) for dtype in value.dtypes]
    elif _styler_class() is not None and isinstance(value, _styler_class()):
        dtypes = [str(dtype) for dtype in value.data.dtypes]
    elif _is(value, "numpy", "ndarray") and value.ndim == 2 and value.size:
        dtypes = [type(value[0, i]).__name__ for i in range(value.shape[1])]
    elif isinstance(value, list) and value and isinstance(value[0], (list, tuple)):
        dtypes = [type(item).__name__ for item in value[0]]
    else:
        return "str"
    return [_AUTO.get(_kind(dtype), "str") for dtype in dtypes]


def _kind(dtype: str) -> str:
    base = dtype.lower().split("[", 1)[0].split("(", 1)[0]
    return base.rstrip("0123456789 ")


def to_value(headers: list[Any], rows: list[list[Any]], kind: str, needed_by: str) -> Any:
    """The table as the function asked for it (`kind` is Dataframe's `type`)."""
    if kind == "array":
        return rows
    if kind == "numpy":
        return require("numpy", needed_by).array(rows)
    if kind == "polars":
        polars = require("polars", needed_by)
        return polars.DataFrame(rows, schema=[str(h) for h in headers], orient="row") if headers \
            else polars.DataFrame(rows)
    pandas = require("pandas", needed_by)
    return pandas.DataFrame(rows, columns=headers) if headers else pandas.DataFrame(rows)
