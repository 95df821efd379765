"""Dataframe (and its aliases Matrix, Numpy): a table the user reads, sorts, searches and edits cell by cell."""

from __future__ import annotations

from typing import Any

from ..component import DROP, Arg, Component
from ..errors import BlocksError, InvalidValueError
from ..events import CHANGE_DOC, INPUT_DOC, EventListener
from ..extras import require
from ..limits import short_repr
from . import table_values
from .markdown_render import render_markdown
from .text import _delimiters

DATATYPES = ("str", "number", "bool", "date", "markdown", "html", "image", "auto")
TYPES = ("pandas", "numpy", "array", "polars")
BUTTONS = ("fullscreen", "copy")


def _datatype(block: Any, value: Any) -> Any:
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else None
    if names is None or any(name not in DATATYPES for name in names):
        raise BlocksError(f"{type(block).__name__}(datatype={value!r}): give one of "
                          f"{', '.join(repr(d) for d in DATATYPES)}, or a list of them, one per column.")
    return value if isinstance(value, str) else names


def _limits(name: str) -> Any:
    def convert(block: Any, value: Any) -> Any:
        if value is None:
            return None
        if not (isinstance(value, (list, tuple)) and len(value) == 2
                and all(v is None or (isinstance(v, int) and v >= 0) for v in value)):
            raise BlocksError(f"{type(block).__name__}({name}={value!r}): give (minimum, maximum), each a whole "
                              f"number or None, e.g. (1, None).")
        return list(value)
    return convert


def _widths(block: Any, value: Any) -> list[str]:
    return [w if isinstance(w, str) and (w.endswith(("px", "%")) or w == "auto") else f"{w}px"
            for w in (value or [])]


def _buttons(block: Any, value: Any) -> list[str]:
    if value is None:
        return list(BUTTONS)  # Gradio shows every button by default
    unknown = [b for b in value if b not in BUTTONS]
    if unknown:
        raise BlocksError(f"{type(block).__name__}(buttons={value!r}): {unknown[0]!r} is not a button; "
                          f"use 'fullscreen' and/or 'copy'.")
    return list(value)


def _count(name: str) -> Any:
    """row_count / column_count: a number, or Gradio 5's (n, "fixed" | "dynamic")."""
    def convert(block: Any, value: Any) -> Any:
        if isinstance(value, (list, tuple)) and len(value) == 2 and value[1] in ("fixed", "dynamic"):
            return [int(value[0]), value[1]]
        if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            return value
        raise BlocksError(f"{type(block).__name__}({name}={value!r}): give a whole number of at least 0.")
    return convert


class Dataframe(Component, renderer="dataframe"):
    """A table: a pandas or polars DataFrame, a numpy array, a list of rows or {"headers", "data"}.

    The function gets, by `type`, a pandas DataFrame ("pandas"), a numpy array ("numpy"), a polars
    DataFrame ("polars") or a list of rows ("array"), with the user's edits typed by `datatype`
    ("number" cells are numbers, "bool" cells True/False). Sorting and searching in the page change
    what is shown, not the value.
    """

    default_label = "Dataframe"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    select = EventListener("select", "Fires when the user clicks a cell; gr.SelectData has index [row, column], "
                                     "value, row_value and col_value.")
    edit = EventListener("edit", "Fires when the user finishes editing a cell; gr.EditData has index "
                                 "[row, column], value and previous_value.")
    args = {
        "headers": None,
        "row_count": Arg(None, convert=_count("row_count")),
        "row_limits": Arg(None, convert=_limits("row_limits")),
        "col_count": Arg(None, prop=False, convert=_count("col_count")),  # Gradio's old name of column_count
        "column_count": Arg(None, convert=_count("column_count")),
        "column_limits": Arg(None, convert=_limits("column_limits")),
        "datatype": Arg("str", convert=_datatype),
        "type": Arg("pandas", prop=False, one_of=TYPES),
        "latex_delimiters": Arg(None, prop=False, convert=_delimiters),
        "max_height": 500,
        "wrap": False,
        "line_breaks": Arg(True, prop=False),
        "column_widths": Arg(None, convert=_widths),
        "buttons": Arg(None, convert=_buttons),
        "show_row_numbers": False,
        "max_chars": None,
        "show_search": Arg("none", one_of=("none", "search", "filter")),
        "pinned_columns": None,
        "static_columns": Arg(None, convert=lambda block, value: list(value or [])),
        "info": DROP,
    }
    positional = ("value",)
    viewer_events = frozenset({"select"})  # Gradio: a read-only table's cells are still clickable
    headers: Any
    datatype: Any
    type: str
    row_count: Any
    row_limits: Any
    col_count: Any
    column_count: Any
    column_limits: Any
    static_columns: list[int]
    latex_delimiters: list[dict[str, Any]]
    line_breaks: bool

    def setup(self) -> None:
        super().setup()
        self._counts_and_limits()
        if self.headers is not None and self.explicit_args.get("column_count") is not None \
                and len(self.headers) != self.column_count:
            raise BlocksError(f"Dataframe(headers={self.headers!r}, column_count={self.column_count!r}): give one "
                              f"header per column ({len(self.headers)} headers for {self.column_count} columns).")
        if self.headers is None:
            self.headers = [str(i) for i in range(1, (self.column_count or 3) + 1)]
        if self.datatype == "auto":
            self.datatype = table_values.auto_datatypes(self.value) if not callable(self.value) else "str"

    def _counts_and_limits(self) -> None:
        """Gradio 5's col_count and (n, "fixed") tuples become column_count and limits."""
        if self.column_count is None and self.col_count is not None:
            self.column_count = self.col_count
        for count, limits in (("row_count", "row_limits"), ("column_count", "column_limits")):
            value = getattr(self, count)
            if isinstance(value, list):
                setattr(self, count, value[0])
                if value[1] == "fixed" and getattr(self, limits) is None:
                    setattr(self, limits, [value[0], value[0]])
        if self.column_count is None and self.headers is not None:
            self.column_count = len(self.headers)
        if self.static_columns and self.column_limits is None:  # Gradio: static columns fix the columns
            columns = self.column_count or len(self.headers or []) or None
            self.column_limits = [columns, columns]
        if self.type == "polars":
            require("polars", "gr.Dataframe(type='polars')")

    # -- values -----------------------------------------------------------------------------------

    def _datatypes(self, width: int) -> list[str]:
        kinds = self.datatype
        return [kinds] * width if isinstance(kinds, str) else [kinds[i] if i < len(kinds) else "str"
                                                              for i in range(width)]

    def postprocess(self, value: Any) -> dict[str, Any]:
        headers, rows, metadata = table_values.table(value, self.describe())
        headers = headers or list(self.headers)
        if rows:
            width = max(len(row) for row in rows)
            headers = headers[:width] + [str(i) for i in range(len(headers) + 1, width + 1)]
            rows = [row + [None] * (width - len(row)) for row in rows]
        payload: dict[str, Any] = {"headers": headers, "data": rows, "metadata": metadata}
        rendered = self._rendered(rows, self._datatypes(len(headers)))
        if rendered:
            payload["rendered"] = rendered
        return payload

    def _rendered(self, rows: list[list[Any]], kinds: list[str]) -> dict[str, list[str]]:
        """Markdown cells as HTML (made here, as for gr.Markdown), by column index."""
        columns = [i for i, kind in enumerate(kinds) if kind == "markdown"]
        return {str(i): [render_markdown("" if row[i] is None else str(row[i]), line_breaks=self.line_breaks,
                                         latex_delimiters=self.latex_delimiters) for row in rows]
                for i in columns}

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        headers, rows = payload.get("headers") or [], payload.get("data") or []
        return table_values.to_value(headers, [] if rows == [[]] else rows, self.type,
                                     f"gr.Dataframe(type={self.type!r})")

    def check_payload(self, payload: Any) -> Any:
        if payload is None:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
            raise self.bad_payload(payload, "a table {'headers': [...], 'data': [[...], ...]}")
        headers = payload.get("headers") or []
        if not isinstance(headers, list) or not all(isinstance(h, (str, int, float)) for h in headers):
            raise self.bad_payload(headers, "headers as a list of names")
        for index, row in enumerate(payload["data"]):
            self._check_row(index, row, len(headers))
        return {"headers": headers, "data": payload["data"], "metadata": payload.get("metadata")}

    def _check_row(self, index: int, row: Any, width: int) -> None:
        if not isinstance(row, list):
            raise InvalidValueError(f"{self.describe()}: row {index} must be a list of cells, got {short_repr(row)}.")
        if width and len(row) != width:
            raise InvalidValueError(f"{self.describe()}: row {index} has {len(row)} cells but the table has "
                                    f"{width} columns; send one cell per header.")
        bad = next((value for value in row if not (value is None or isinstance(value, (str, int, float, bool)))), 0)
        if bad != 0:
            raise InvalidValueError(f"{self.describe()}: row {index} has the cell {short_repr(bad)}; a cell is a "
                                    f"number, text, true/false or null.")

    def api_info(self) -> dict[str, Any]:
        return {"type": "object", "properties": {"headers": {"type": "array", "items": {"type": "string"}},
                                                 "data": {"type": "array", "items": {"type": "array"}}},
                "description": "a table: headers and rows of cells"}


class Numpy(Dataframe):
    """gr.Dataframe whose function gets a numpy array (type="numpy")."""

    args = {"type": Arg("numpy", prop=False, one_of=TYPES)}


class Matrix(Dataframe):
    """gr.Dataframe whose function gets a list of rows (type="array")."""

    args = {"type": Arg("array", prop=False, one_of=TYPES)}


DataFrame = Dataframe

__all__ = ["DataFrame", "Dataframe", "Matrix", "Numpy"]
