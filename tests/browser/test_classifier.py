"""demos/classifier.py: a Label shows confidences highest first with percentages; num_top_classes
follows the slider; clicking a class fires select with gr.SelectData."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

from .support import DemoProcess, demo_fixture, open_app

pytestmark = pytest.mark.browser


server = demo_fixture("classifier")


def test_the_label_shows_the_top_class_first_with_percentages(context: BrowserContext, server: DemoProcess) -> None:
    page, watched = open_app(context, server.url)
    page.get_by_label("Text").fill("The team scored a late goal in the match")
    page.get_by_role("button", name="Classify").click()
    # sports: 1 + 3 hits = 4 of 7 in all -> 57%; the other three: 1 of 7 each -> 14%
    expect(page.get_by_role("heading", name="sports")).to_be_visible()
    expect(page.get_by_text("57%")).to_be_visible()
    expect(page.get_by_role("meter")).to_have_count(3)  # "Classes to show" starts at 3
    assert watched.messages("error") == []


def test_fewer_classes_when_the_slider_says_so_and_a_click_selects_one(context: BrowserContext,
                                                                       server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    page.get_by_label("Text").fill("bake with flour and salt")
    page.get_by_label("Text").press("Enter")
    expect(page.get_by_role("heading", name="cooking")).to_be_visible()
    page.get_by_role("spinbutton", name="Classes to show").fill("1")
    page.get_by_role("spinbutton", name="Classes to show").press("Enter")
    expect(page.get_by_role("meter")).to_have_count(1)
    page.get_by_role("button", name="cooking").click()
    expect(page.get_by_label("You picked")).to_have_value("cooking (class 1)")
