"""demos/per_session_objects.py: objects that cannot be deep-copied live in a global dict keyed by
session_hash; demo.load creates a page's entry and demo.unload removes it when the page goes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import SimpleNamespace

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .support import DEMOS, eventually, in_process, open_app, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app() -> Iterator[SimpleNamespace]:
    with in_process(DEMOS / "per_session_objects.py") as running:
        yield running


def increment(page: Page) -> None:
    page.get_by_role("button", name="Increment Counter").click()


def counter(page: Page):  # noqa: ANN201
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
    eventually(lambda: closed_watch.session_hash not in instances, what="the closed tab's instance is removed")
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
    eventually(lambda: old not in instances and new in instances, what="reload swaps the page's instance")
    eventually(lambda: set(instances) == open_pages(), what="one instance per open page")
    increment(page)
    expect(counter(page)).to_have_value("1")  # a fresh object after the reload
