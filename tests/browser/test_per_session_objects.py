"""demos/per_session_objects.py: objects that cannot be deep-copied live in a global dict keyed by
session_hash; demo.load creates a page's entry and demo.unload removes it when the page goes."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from types import SimpleNamespace

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from .support import DEMOS, eventually, in_process, open_app, open_wired, wait_connection, wait_ready

pytestmark = pytest.mark.browser


GRACE = 10.0  # seconds a dropped page may take to come back: closing or reloading must not wait for it
SHORT_GRACE = 1.5


@contextlib.contextmanager
def reconnect_grace(seconds: float) -> Iterator[None]:
    """BLOCKS_RECONNECT_GRACE for the servers started inside."""
    before = os.environ.get("BLOCKS_RECONNECT_GRACE")
    os.environ["BLOCKS_RECONNECT_GRACE"] = str(seconds)
    try:
        yield
    finally:
        if before is None:
            del os.environ["BLOCKS_RECONNECT_GRACE"]
        else:
            os.environ["BLOCKS_RECONNECT_GRACE"] = before


@pytest.fixture(scope="module")
def app() -> Iterator[SimpleNamespace]:
    with reconnect_grace(GRACE), in_process(DEMOS / "per_session_objects.py") as running:
        yield running


@pytest.fixture
def impatient_app() -> Iterator[SimpleNamespace]:
    """Another run of the demo, whose sessions end SHORT_GRACE seconds after a connection drops."""
    with reconnect_grace(SHORT_GRACE), in_process(DEMOS / "per_session_objects.py") as running:
        yield running


def increment(page: Page) -> None:
    page.get_by_role("button", name="Increment Counter").click()


def counter(page: Page) -> Locator:
    return page.get_by_label("Counter Value")


def test_each_page_counts_on_its_own_object(new_context: Callable[[], BrowserContext], app: SimpleNamespace) -> None:
    first, watched = open_app(new_context(), app.url)
    expect(first.get_by_label("Status")).to_have_value("Session initialized!")
    increment(first)
    expect(counter(first)).to_have_value("1")
    increment(first)
    expect(counter(first)).to_have_value("2")

    second, _ = open_app(new_context(), app.url)  # another user
    expect(second.get_by_label("Status")).to_have_value("Session initialized!")
    increment(second)
    expect(counter(second)).to_have_value("1")
    increment(first)
    expect(counter(first)).to_have_value("3")
    assert watched.messages("error") == []


def test_instances_follow_the_open_pages(new_context: Callable[[], BrowserContext], app: SimpleNamespace) -> None:
    instances: dict[str, object] = app.instances

    def open_pages() -> set[str]:
        return {w.session_hash for _, w in pages}

    pages = [open_app(new_context(), app.url), open_app(new_context(), app.url)]
    tab_ctx = pages[0][0].context
    pages.append(open_app(tab_ctx, app.url))  # a second tab of the same browser: its own session
    assert len(open_pages()) == 3
    eventually(lambda: set(instances) == open_pages(), what="one instance per open page")

    closed, closed_watch = pages.pop()
    closed.close()
    eventually(lambda: closed_watch.session_hash not in instances, timeout=GRACE / 2,
               what="the closed tab's instance is removed at once, not after the reconnect grace period")
    eventually(lambda: set(instances) == open_pages(), what="the other pages keep theirs")

    page, watched = pages[0]
    increment(page)
    increment(page)
    expect(counter(page)).to_have_value("2")
    old = watched.session_hash
    page.reload()
    wait_ready(page)
    expect(page.get_by_label("Status")).to_have_value("Session initialized!")
    new = watched.session_hash
    assert new != old
    eventually(lambda: old not in instances and new in instances, timeout=GRACE / 2,
               what="reload swaps the page's instance")
    eventually(lambda: set(instances) == open_pages(), what="one instance per open page")
    increment(page)
    expect(counter(page)).to_have_value("1")  # a fresh object after the reload


def test_a_network_blip_keeps_the_session(context: BrowserContext, app: SimpleNamespace) -> None:
    page, watched, cable = open_wired(context, app.url)
    increment(page)
    expect(counter(page)).to_have_value("1")
    instance = app.instances[watched.session_hash]

    cable.unplug()
    wait_connection(page, "reconnecting")
    cable.plug()
    wait_connection(page, "open", 2)
    assert app.instances.get(watched.session_hash) is instance  # unload did not run
    increment(page)
    expect(counter(page)).to_have_value("2")
    expect(page.get_by_role("alert")).to_have_count(0)


def test_a_page_away_longer_than_the_grace_period_ends_its_session(
        context: BrowserContext, impatient_app: SimpleNamespace) -> None:
    app = impatient_app
    page, watched, cable = open_wired(context, app.url)
    increment(page)
    expect(counter(page)).to_have_value("1")
    old = watched.session_hash

    cable.unplug()
    eventually(lambda: old not in app.instances, timeout=SHORT_GRACE + 5, page=page,
               what="unload runs once the grace period is over")
    cable.plug()
    toast = page.get_by_role("alert")
    expect(toast).to_contain_text("Session ended")
    with page.expect_navigation():
        toast.get_by_role("button", name="Reload").click()
    wait_ready(page)
    expect(page.get_by_label("Status")).to_have_value("Session initialized!")
    assert watched.session_hash != old and watched.session_hash in app.instances
    increment(page)
    expect(counter(page)).to_have_value("1")


def test_leaving_and_coming_back_starts_a_new_session(context: BrowserContext, app: SimpleNamespace) -> None:
    page, watched = open_app(context, app.url)
    increment(page)
    expect(counter(page)).to_have_value("1")
    old = watched.session_hash
    page.goto("about:blank")  # the user follows a link away
    eventually(lambda: old not in app.instances, timeout=GRACE / 2, what="leaving the page ends its session")
    page.go_back()  # and comes back with the Back button
    wait_ready(page)
    expect(page.get_by_label("Status")).to_have_value("Session initialized!")
    eventually(lambda: watched.session_hash in app.instances, page=page, what="the new session has its instance")
    assert watched.session_hash != old
    increment(page)
    expect(counter(page)).to_have_value("1")
