"""A Chromium whose microphone and camera are its built-in fake devices (a beep, a test pattern),
with permission granted: for tests of recording in gr.Audio and gr.Video."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext

from .conftest import CHROMIUM, CHROMIUM_ARGS
from .support import PAGE_HOOKS


@pytest.fixture(name="fake_devices")
def fake_devices_fixture(browser: Browser) -> Iterator[BrowserContext]:
    chromium = browser.browser_type.launch(
        executable_path=CHROMIUM, headless=True,
        args=[*CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"])
    context = chromium.new_context()
    context.set_default_timeout(10_000)
    context.add_init_script(PAGE_HOOKS)
    yield context
    context.close()
    chromium.close()
