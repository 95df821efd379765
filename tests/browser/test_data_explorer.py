"""demos/data_explorer.py in Chromium: filtering regions refills the table, the plot and the summary."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_the_data_explorer_filters_the_table_and_redraws_the_plot(context: BrowserContext) -> None:
    demo = runpy.run_path(str(Path(__file__).parents[2] / "demos" / "data_explorer.py"))["demo"]
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Summary")).to_have_value("24 rows, total sales 5,492")
        plot = page.get_by_role("img", name="Sales by month")
        expect(plot.get_by_role("listitem")).to_have_text(["North", "South"])
        page.get_by_label("East").check()
        expect(page.get_by_label("Summary")).to_have_value("36 rows, total sales 8,289")
        expect(plot.get_by_role("listitem")).to_have_text(["North", "South", "East"])
        assert watched.messages("error") == []
