"""Native plots on the server: what x_bin, y_aggregate and sort send the page, the value types a plot
accepts, and the errors for a column that is not there (at build time and from a listener)."""

from __future__ import annotations

import pandas as pd
import pytest

import blocks as gr
from blocks.components.plot_data import PlotDataError, bin_width_ms

from .conftest import Page, value

TIMES = pd.DataFrame({"at": pd.date_range("2024-01-01", periods=6, freq="20min"), "n": [1, 2, 3, 4, 5, 6],
                      "kind": list("ababab")})


def test_temporal_x_is_sent_as_milliseconds_sorted_by_time():
    shuffled = TIMES.iloc[[3, 0, 5, 1, 4, 2]]
    sent = gr.LinePlot(x="at", y="n").postprocess(shuffled)
    assert sent["datatypes"] == {"at": "temporal", "n": "quantitative"}
    assert [row[1] for row in sent["data"]] == [1, 2, 3, 4, 5, 6]
    assert sent["data"][0][0] == 1704067200000


def test_x_bin_of_time_sums_each_bin_and_keeps_colors_apart():
    sent = gr.BarPlot(x="at", y="n", color="kind", x_bin="1h").postprocess(TIMES)
    assert sorted(sent["data"]) == [[1704067200000, 2, "b"], [1704067200000, 4, "a"],
                                    [1704070800000, 5, "a"], [1704070800000, 10, "b"]]
    assert sent["x_bin"] == 3_600_000


@pytest.mark.parametrize(("how", "expected"), [("sum", [3, 7, 11]), ("mean", [1.5, 3.5, 5.5]), ("count", [2, 2, 2]),
                                               ("min", [1, 3, 5]), ("max", [2, 4, 6]), ("median", [1.5, 3.5, 5.5])])
def test_numeric_x_bin_with_each_aggregate(how, expected):
    frame = pd.DataFrame({"x": [0, 1, 2, 3, 4, 5], "y": [1, 2, 3, 4, 5, 6]})
    sent = gr.LinePlot(x="x", y="y", x_bin=2, y_aggregate=how).postprocess(frame)
    assert [row[0] for row in sent["data"]] == [0, 2, 4]
    assert [row[1] for row in sent["data"]] == expected


def test_nominal_bars_sum_repeated_categories_and_sort():
    frame = pd.DataFrame({"fruit": ["apple", "pear", "apple", "plum"], "kg": [2, 5, 3, 1]})
    assert gr.BarPlot(x="fruit", y="kg").postprocess(frame)["data"] == [["apple", 5], ["pear", 5], ["plum", 1]]

    def fruits(sort):
        return [r[0] for r in gr.BarPlot(x="fruit", y="kg", sort=sort).postprocess(frame)["data"]]

    assert fruits("y") == ["plum", "apple", "pear"]
    assert fruits("-x") == ["plum", "pear", "apple"]
    assert fruits(["pear", "plum", "apple"]) == ["pear", "plum", "apple"]


def test_tooltip_all_sends_every_column_and_axis_only_the_drawn_ones():
    frame = pd.DataFrame({"x": [1, 2], "y": [3, 4], "note": ["a", "b"]})
    assert gr.ScatterPlot(x="x", y="y").postprocess(frame)["columns"] == ["x", "y"]
    assert gr.ScatterPlot(x="x", y="y", tooltip="all").postprocess(frame)["data"] == [[1, 3, "a"], [2, 4, "b"]]


def test_plot_data_dicts_and_none_are_values_too():
    plot = gr.ScatterPlot(x="a", y="b")
    assert plot.postprocess(None) is None
    assert plot.postprocess({"columns": ["a", "b"], "data": [[2, 1], [1, 2]]})["data"] == [[1, 2], [2, 1]]
    with pytest.raises(PlotDataError, match="pandas DataFrame"):
        plot.postprocess([[1, 2]])


def test_a_missing_column_is_an_error_at_build_time_naming_the_columns_there():
    with pytest.raises(PlotDataError, match=r"y='count' is not a column.*'at', 'n', 'kind'"):
        gr.LinePlot(TIMES, x="at", y="count")
    with pytest.raises(PlotDataError, match="x_bin='fortnight'"):
        gr.LinePlot(TIMES, x="at", y="n", x_bin="fortnight")
    with pytest.raises(gr.BlocksError, match="sort"):
        gr.LinePlot(TIMES, x="at", y="n", sort="z")
    assert bin_width_ms("10m") == 600_000 and bin_width_ms("1d") == 86_400_000


def test_a_listener_returning_a_frame_without_the_column_gets_an_error_frame(serve, caplog):
    with gr.Blocks() as demo:
        plot = gr.LinePlot(x="at", y="n")
        good = gr.Button("Good")
        bad = gr.Button("Bad")
        good.click(lambda: TIMES, None, plot)
        bad.click(lambda: TIMES.rename(columns={"n": "total"}), None, plot)
    page = Page(serve(demo))
    assert len(value(page.event(good), plot)["data"]) == 6
    page.event(bad, wait=False)
    messages = [page.recv()]
    while messages[-1]["type"] != "error" and not messages[-1].get("done"):
        messages.append(page.recv())
    assert messages[-1]["type"] == "error" and "PlotDataError" in messages[-1]["message"]
    assert "y='n' is not a column of the plot's value; its columns are 'at', 'total', 'kind'" in caplog.text
