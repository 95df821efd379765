"""Browser fixtures: one headless Chromium per test session, a fresh context (a new user, with
empty storage) per test. Servers are started by the test modules (see support.py)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from .support import PAGE_HOOKS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 # a camera and microphone that play a test pattern and a tone, allowed without a prompt
                 "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture(scope="session", autouse=True)
def key_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where BrowserState keys go; apps run in this process use a key file in it, too (never the
    user's own key in ~/.local/share)."""
    keys = tmp_path_factory.mktemp("keys")
    before = os.environ.get("BLOCKS_KEY_FILE")
    os.environ["BLOCKS_KEY_FILE"] = str(keys / "in-process.key")
    yield keys
    if before is None:
        del os.environ["BLOCKS_KEY_FILE"]
    else:
        os.environ["BLOCKS_KEY_FILE"] = before


# ---------------------------------------------------------------------------
# Browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[[], BrowserContext]]:
    """new_context() opens another browser profile (another user); all are closed after the test."""
    made: list[BrowserContext] = []

    def make() -> BrowserContext:
        ctx = browser.new_context()
        ctx.set_default_timeout(10_000)
        ctx.add_init_script(PAGE_HOOKS)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def context(new_context: Callable[[], BrowserContext]) -> BrowserContext:
    """A fresh browser profile: empty localStorage, no cookies."""
    return new_context()
