"""demos/streaming_counter.py: a generator streams each count to the page; Stop cancels it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect

from .support import DemoProcess, demo_fixture, open_app

pytestmark = pytest.mark.browser


server = demo_fixture("streaming_counter")


def test_each_yield_reaches_the_page_before_the_listener_ends(context: BrowserContext, server: DemoProcess) -> None:
    page, watched = open_app(context, server.url)
    page.get_by_label("Count to").fill("3")
    page.get_by_role("button", name="Start").click()
    # Intermediate states are seen while the generator still runs (0.5 s a step by default).
    expect(page.get_by_label("Status")).to_have_value(re.compile(r"Counting\.\.\. [12] of 3"))
    expect(page.get_by_label("Status")).to_have_value("Done.")
    expect(page.get_by_label("Count", exact=True)).to_have_value("3")
    assert watched.messages("error") == []


def test_stop_cancels_the_running_count(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    page.get_by_label("Count to").fill("1000")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_label("Status")).to_have_value(re.compile(r"Counting\.\.\. [1-9] of 1000"))
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_label("Status")).to_have_value("Stopped.")
    stopped_at = int(page.get_by_label("Count", exact=True).input_value())
    page.wait_for_timeout(1500)  # three steps of 0.5 s: a count still running would have moved on
    assert int(page.get_by_label("Count", exact=True).input_value()) == stopped_at
    expect(page.get_by_label("Status")).to_have_value("Stopped.")
