"""demos/tabs_and_accordions.py: tabs switched by the user and by listeners, an accordion opened
by a listener, a Row and a Tab revealed by listeners."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

from .support import DemoProcess, demo_fixture, open_app

pytestmark = pytest.mark.browser


server = demo_fixture("tabs_and_accordions")


def test_only_the_selected_tab_shows_and_the_hidden_tab_appears_when_asked(context: BrowserContext,
                                                                            server: DemoProcess) -> None:
    page, watched = open_app(context, server.url)
    expect(page.get_by_role("tab", name="Profile")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tab", name="Advanced")).to_have_count(0)  # visible=False: not offered at all
    page.get_by_role("tab", name="Notifications").click()
    expect(page.get_by_label("Email me")).to_be_visible()
    expect(page.get_by_label("Display name")).to_be_hidden()
    page.get_by_role("button", name="Show advanced settings").click()
    expect(page.get_by_role("tab", name="Advanced")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("Careful: these settings are for experts.")).to_be_visible()
    assert watched.messages("error") == []


def test_a_listener_opens_the_accordion_and_the_values_inside_reach_callbacks(context: BrowserContext,
                                                                              server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    expect(page.get_by_label("Bio")).to_be_hidden()  # the accordion starts closed
    page.get_by_label("Display name").fill("Ada")
    page.get_by_role("tab", name="Notifications").click()
    page.get_by_role("button", name="Tell us more").click()
    expect(page.get_by_role("tab", name="Profile")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_label("Bio")).to_be_visible()
    page.get_by_label("Bio").fill("Counts things.")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_label("Summary")).to_have_value("Ada: Counts things.")


def test_a_checkbox_reveals_a_row(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    page.get_by_role("tab", name="Notifications").click()
    expect(page.get_by_label("Email address")).to_be_hidden()
    page.get_by_label("Email me").check()
    expect(page.get_by_label("Email address")).to_be_visible()
    page.get_by_label("Email me").uncheck()
    expect(page.get_by_label("Email address")).to_be_hidden()
