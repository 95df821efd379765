"""gr.Dataframe, gr.Matrix, gr.Numpy over the HTTP API and directly: every value type in and out,
datatypes, and the payloads it refuses."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import httpx
import numpy as np
import pandas as pd
import pytest

import blocks as gr
from blocks.errors import BlocksError, InvalidValueError

from .conftest import Page, value

TABLE = {"headers": ["name", "age", "ok"], "data": [["Ann", 30, True], ["Bob", 4, False]]}


@pytest.fixture
def tables(serve):
    with gr.Blocks() as demo:
        frames = [gr.Dataframe(label="P", datatype=["str", "number", "bool"]), gr.Numpy(label="N"),
                  gr.Matrix(label="M"), gr.Dataframe(label="A", type="array")]
        out = gr.Textbox(label="Out")

        def describe(frame, array, matrix, rows):
            types = [type(v).__name__ for v in frame.iloc[0]]
            return f"{type(frame).__name__} {types} {frame.shape} | {type(array).__name__} {array.shape} | " \
                   f"{matrix!r} | {rows!r}"
        gr.Button("Go").click(describe, frames, out, api_name="describe")
        echo = gr.Dataframe(label="Echo")
        gr.Button("Echo").click(lambda frame: frame.assign(age=frame["age"] * 2), frames[0], echo, api_name="double")
    return serve(demo)


def test_each_type_gets_the_table_with_its_cells_typed(tables):
    numbers = {"headers": ["x", "y"], "data": [[1, 2], [3, 4]]}
    response = httpx.post(tables + "api/describe", json={"data": [TABLE, numbers, numbers, TABLE]})
    assert response.json()["data"] == [
        "DataFrame ['str', 'int64', 'bool'] (2, 3) | ndarray (2, 2) | [[1, 2], [3, 4]] | "
        "[['Ann', 30, True], ['Bob', 4, False]]"]


def test_a_returned_dataframe_comes_back_as_headers_and_rows(tables):
    response = httpx.post(tables + "api/double", json={"data": [TABLE]})
    assert response.json()["data"] == [{"headers": ["name", "age", "ok"], "metadata": None,
                                        "data": [["Ann", 60, True], ["Bob", 8, False]]}]


@pytest.mark.parametrize("table, message", [
    ({"headers": ["a", "b"], "data": [[1, 2], [3]]}, "row 1 has 1 cells but the table has 2 columns"),
    ({"headers": ["a"], "data": [[{"x": 1}]]}, "row 0 has the cell {'x': 1}; a cell is a number, text"),
    ({"headers": ["a"], "data": "nope"}, "expects a table {'headers': [...], 'data': [[...], ...]}"),
    ([[1, 2]], "expects a table"),
    ({"headers": ["a"], "data": [5]}, "row 0 must be a list of cells"),
])
def test_bad_tables_are_refused_with_what_is_wrong(tables, table, message):
    response = httpx.post(tables + "api/describe", json={"data": [table, None, None, None]})
    assert response.status_code == 422 and message in response.json()["error"]


def test_every_value_an_app_may_return_becomes_headers_and_rows(tmp_path):
    frame = gr.Dataframe(headers=["a", "b"])
    expected = {"headers": ["a", "b"], "data": [[1, 2], [3, 4]], "metadata": None}
    assert frame.postprocess(pd.DataFrame({"a": [1, 3], "b": [2, 4]})) == expected
    assert frame.postprocess(np.array([[1, 2], [3, 4]])) == expected
    assert frame.postprocess([[1, 2], [3, 4]]) == expected
    assert frame.postprocess({"headers": ["a", "b"], "data": [[1, 2], [3, 4]]}) == expected
    assert frame.postprocess(((1, 2), (3, 4))) == expected
    csv = tmp_path / "t.csv"
    csv.write_text("a,b\n1,2\n")
    assert frame.postprocess(str(csv))["data"] == [[1, 2]]
    assert frame.postprocess(None) == {"headers": ["a", "b"], "data": [], "metadata": None}
    # more cells than headers: numbered headers are added, as Gradio does
    assert gr.Dataframe(headers=["a"]).postprocess([[1, 2, 3]])["headers"] == ["a", "2", "3"]
    assert gr.Dataframe().postprocess([1, 2])["data"] == [[1], [2]]


def test_cells_become_json_numpy_scalars_unwrapped_dates_as_text_nan_as_null():
    value = pd.DataFrame({"when": pd.to_datetime(["2021-01-01", None]), "x": [1.5, float("nan")],
                          "n": np.array([1, 2], dtype=np.int32)})
    data = gr.Dataframe().postprocess(value)["data"]
    assert data == [["2021-01-01 00:00:00", 1.5, 1], [None, None, 2]]  # the date as Gradio's page shows it
    assert [type(v) for v in data[0]] == [str, float, int]
    assert gr.Dataframe().postprocess([[datetime(2020, 5, 6, 7, 8), np.bool_(True)]])["data"] == [
        ["2020-05-06 07:08:00", True]]


def test_a_styler_sends_each_cells_css_and_shown_text():
    frame = pd.DataFrame({"a": [1.2345, 2.0], "b": [3, 4]})
    styler = frame.style.format("{:.1f}", subset=["a"]).map(lambda v: "background-color: yellow" if v > 3 else "")
    payload = gr.Dataframe().postprocess(styler)
    assert payload["data"] == [[1.2345, 3], [2.0, 4]]
    assert payload["metadata"]["display_value"] == [["1.2", "3"], ["2.0", "4"]]
    assert payload["metadata"]["styling"][1][1] == "background-color: yellow"
    assert payload["metadata"]["styling"][0][1] == ""


def test_markdown_cells_are_rendered_by_the_server():
    payload = gr.Dataframe(datatype=["str", "markdown"]).postprocess([["a", "**bold**"]])
    assert payload["rendered"] == {"1": ["<p><strong>bold</strong></p>\n"]}


def test_auto_datatype_follows_the_columns_dtypes():
    value = pd.DataFrame({"s": ["x"], "i": [1], "f": [1.5], "b": [True], "d": pd.to_datetime(["2020-01-01"])})
    assert gr.Dataframe(value, datatype="auto").datatype == ["str", "number", "number", "bool", "date"]
    assert gr.Dataframe([[1, "a"]], datatype="auto").datatype == ["number", "str"]


def test_gradio_5_counts_and_limits_are_understood():
    fixed = gr.Dataframe(headers=["a", "b"], row_count=(2, "fixed"), col_count=(2, "fixed"))
    assert (fixed.row_count, fixed.row_limits, fixed.column_count, fixed.column_limits) == (2, [2, 2], 2, [2, 2])
    assert gr.Dataframe(static_columns=[0], headers=["a", "b"]).column_limits == [2, 2]
    assert gr.Dataframe(column_count=4).headers == ["1", "2", "3", "4"]
    assert gr.Dataframe(column_widths=[100, "20%"]).column_widths == ["100px", "20%"]


@pytest.mark.parametrize("kwargs, message", [
    ({"datatype": "text"}, "Dataframe(datatype='text'): give one of 'str', 'number'"),
    ({"type": "list"}, "Dataframe(type='list'): use one of 'pandas', 'numpy', 'array', 'polars'"),
    ({"headers": ["a"], "column_count": 2}, "give one header per column (1 headers for 2 columns)"),
    ({"row_limits": (1,)}, "Dataframe(row_limits=(1,)): give (minimum, maximum)"),
    ({"buttons": ["download"]}, "'download' is not a button"),
    ({"show_search": "yes"}, "use one of 'none', 'search', 'filter'"),
])
def test_bad_arguments_are_build_errors_naming_the_fix(kwargs, message):
    with pytest.raises(BlocksError, match=None) as error:
        gr.Dataframe(**kwargs)
    assert message in str(error.value)


def test_a_value_it_cannot_show_is_a_clear_error():
    with pytest.raises(InvalidValueError, match="cannot show a object: return a pandas or polars DataFrame"):
        gr.Dataframe().postprocess(object())


def test_polars_is_used_only_where_installed():
    try:
        import polars  # noqa: F401, PLC0415
    except ImportError:
        with pytest.raises(BlocksError, match=r"needs polars, which is not installed; install it with: pip"):
            gr.Dataframe(type="polars")
    else:
        value = gr.Dataframe(type="polars").preprocess(TABLE)
        assert value.columns == ["name", "age", "ok"]


def test_import_blocks_and_a_list_table_load_neither_pandas_nor_numpy():
    code = ("import sys, blocks as gr; d = gr.Dataframe([[1, 2]], type='array'); "
            "d.postprocess([[1, 'x']]); print(d.preprocess({'headers': ['a', 'b'], 'data': [[1, 2]]})); "
            "print('pandas' in sys.modules, 'numpy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:2] == ["[[1, 2]]", "False False"]


def test_interface_shortcuts_make_dataframes():
    demo = gr.Interface(lambda a, b, c: a, ["dataframe", "numpy", "matrix"], "dataframe")
    kinds = [(type(c).__name__, c.type) for c in demo.input_components + demo.output_components]
    assert kinds == [("Dataframe", "pandas"), ("Numpy", "numpy"), ("Matrix", "array"), ("Dataframe", "pandas")]


def test_a_static_table_fires_select_but_takes_no_edits(serve):
    with gr.Blocks() as demo:
        board = gr.Dataframe([["", "x"]], interactive=False, type="array")
        out = gr.Textbox(label="Out")

        def place(rows: list, e: gr.SelectData) -> str:
            return f"{e.index} {e.value!r} {e.row_value} {e.col_value} {rows}"
        board.select(place, board, out)
        board.change(lambda rows: "changed", board, out)
    page = Page(serve(demo))
    reply = page.event(board, "select", data={"index": [0, 1], "value": "x", "row_value": ["", "x"],
                                              "col_value": ["x"], "selected": True})
    assert value(reply, out) == "[0, 1] 'x' ['', 'x'] ['x'] [['', 'x']]"
    page.event(board, "change", values={board: {"headers": ["1", "2"], "data": [["o", "x"]]}})
    assert "is hidden or not interactive; its 'change' event is refused" in page.errors()[-1]["message"]


def test_a_returned_tab_with_its_id_updates_it(serve):
    """gr.Tab("Practice", interactive=True, id=1) returned as an update (blocks_flashcards): its id names it."""
    with gr.Blocks() as demo:
        with gr.Tabs():
            with gr.Tab("A", id=0):
                go = gr.Button("Go")
            with gr.Tab("Practice", interactive=False, id=1) as practice:
                pass
        go.click(lambda: gr.Tab("Practice", interactive=True, id=1), None, practice)
    page = Page(serve(demo))
    assert page.event(go)[str(practice.id)] == {"label": "Practice", "interactive": True}
    assert page.errors() == []


def test_an_example_table_shows_as_a_small_table_of_its_first_rows():
    from blocks.components.dataset import display  # noqa: PLC0415

    shown = display(gr.Dataframe(render=False), [["<b>Suit</b>", 5000, True]] * 7)["html"]
    assert shown.count("<tr>") == 5
    assert "<td>&lt;b&gt;Suit&lt;/b&gt;</td><td>5000</td><td>true</td>" in shown
