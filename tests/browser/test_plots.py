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
