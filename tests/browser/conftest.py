"""Browser fixtures: one headless Chromium per test session, a fresh context (a new user, with
empty storage) per test. Servers are started by the test modules (see support.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from .support import IDLE_SCRIPT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def key_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keys")


# ---------------------------------------------------------------------------
# Browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context()
    ctx.set_default_timeout(10_000)
    ctx.add_init_script(IDLE_SCRIPT)
    yield ctx
    ctx.close()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[[], BrowserContext]]:
    """More contexts (more users) in one test; all closed after it."""
    made: list[BrowserContext] = []

    def make() -> BrowserContext:
        ctx = browser.new_context()
        ctx.set_default_timeout(10_000)
        ctx.add_init_script(IDLE_SCRIPT)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()
