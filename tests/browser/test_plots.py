"""gr.LinePlot, gr.BarPlot and gr.ScatterPlot in Chromium: the SVG's points, bars, tooltips and legend,
a brushed region reaching the listener, and an update from a button."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_line_bar_and_scatter_plots_draw_their_data(context: BrowserContext) -> None:
    sales = pd.DataFrame({"month": [1, 2, 3, 4], "sold": [10, 30, 20, 40]})
    fruit = pd.DataFrame({"fruit": ["apple", "pear", "apple", "plum"], "kg": [2, 5, 3, 1]})
    people = pd.DataFrame({"height": [150, 160, 170, 180], "weight": [50, 60, 65, 80],
                           "team": ["red", "blue", "red", "blue"]})
    with gr.Blocks() as demo:
        line = gr.LinePlot(sales, x="month", y="sold", title="Sales")
        gr.BarPlot(fruit, x="fruit", y="kg", title="Fruit", sort="-y")
        gr.ScatterPlot(people, x="height", y="weight", color="team", title="People",
                       color_map={"red": "#ff0000", "blue": "#0000ff"})
        out = gr.Textbox(label="Out")

        def brushed(e: gr.SelectData) -> str:
            low, high = e.index
            return f"{low:.0f}-{high:.0f}"

        line.select(brushed, None, out)
        gr.Button("More").click(lambda: pd.DataFrame({"month": [1, 2], "sold": [5, 7]}), None, line)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        sales_plot = page.get_by_role("img", name="Sales")
        expect(sales_plot.locator("circle title")).to_have_text(
            ["month: 1, sold: 10", "month: 2, sold: 30", "month: 3, sold: 20", "month: 4, sold: 40"])
        bars = page.get_by_role("img", name="Fruit").locator("rect.bar")
        expect(bars.locator("title")).to_have_text(["fruit: apple, kg: 5", "fruit: pear, kg: 5", "fruit: plum, kg: 1"])
        heights = [float(bars.nth(i).get_attribute("height") or 0) for i in range(3)]
        assert heights[0] == heights[1] > heights[2] > 0
        people_plot = page.get_by_role("img", name="People")
        expect(people_plot.get_by_role("listitem")).to_have_text(["red", "blue"])
        expect(people_plot.locator('circle[fill="#ff0000"] title')).to_have_text(
            ["height: 150, weight: 50, team: red", "height: 170, weight: 65, team: red"])
        expect(people_plot.locator('circle[fill="#0000ff"] title')).to_have_text(
            ["height: 160, weight: 60, team: blue", "height: 180, weight: 80, team: blue"])
        box = sales_plot.bounding_box()
        assert box is not None
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + box["width"] * 0.2, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
        page.mouse.up()
        expect(page.get_by_label("Out")).to_have_value(re.compile(r"^[12]-[23]$"))
        page.get_by_role("button", name="More").click()
        expect(sales_plot.locator("circle title")).to_have_text(["month: 1, sold: 5", "month: 2, sold: 7"])


def test_plot_shows_matplotlib_as_svg_and_plotly_with_plotly_js_loaded_only_there(context: BrowserContext) -> None:
    import matplotlib  # noqa: PLC0415 - only this test needs the figure libraries

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415
    import plotly.graph_objects as go  # noqa: PLC0415

    figure, axes = plt.subplots()
    axes.plot([1, 2, 3], [3, 1, 2])
    axes.set_title("Waves")
    with gr.Blocks() as demo:
        gr.Plot(figure, label="Matplotlib")
        shown = gr.Plot(label="Plotly")
        gr.Button("Show plotly").click(lambda: go.Figure(go.Bar(x=["a", "b"], y=[2, 5]),
                                                         layout={"title": {"text": "Bars"}}), None, shown)
    loaded: list[str] = []
    with serve(demo) as url:
        page, _ = open_app(context, url)
        page.on("request", lambda request: loaded.append(request.url))
        expect(page.get_by_role("figure").locator("svg").first).to_be_visible()
        expect(page.get_by_role("figure").get_by_text("Waves")).to_be_visible()
        assert not [u for u in loaded if "plotly" in u]
        page.get_by_role("button", name="Show plotly").click()
        expect(page.locator(".plotly .main-svg").first).to_be_visible(timeout=20_000)
        expect(page.get_by_text("Bars")).to_be_visible()
        assert [u for u in loaded if u.endswith("vendor/plotly.js")]


def test_a_page_without_plotly_figures_does_not_load_plotly_js(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        out = gr.Textbox(label="Out")
        name.submit(lambda n: n, name, out)
    with serve(demo) as url:
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        page, _ = open_app(context, url)
        page.get_by_label("Name").fill("echo")
        page.get_by_label("Name").press("Enter")
        expect(page.get_by_label("Out")).to_have_value("echo")
        assert requested and not [u for u in requested if "plotly" in u]
