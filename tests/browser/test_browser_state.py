"""demos/browser_state.py: BrowserState keeps values in the page's localStorage, sealed by the server,
across reloads and server restarts; a tampered value falls back to the default."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from . import apps
from .support import DemoProcess, demo_process, open_app, serve, wait_idle, wait_ready

pytestmark = pytest.mark.browser

SAVED = re.compile(r"✅ Saved to local storage at \d{1,2}:\d{2}:\d{2} [AP]M")


@pytest.fixture(scope="module")
def server(key_dir: Path) -> Iterator[DemoProcess]:
    with demo_process("browser_state", key_dir / "browser_state.key") as running:
        yield running


def generate(page: Page) -> tuple[str, str]:
    """Click Generate Randomly; wait for the saved message; return (username, password)."""
    page.get_by_role("button", name="Generate Randomly").click()
    expect(page.get_by_text("✅ Saved to local storage")).to_have_text(SAVED)
    wait_idle(page)
    username = page.get_by_label("Username").input_value()
    password = page.get_by_label("Password").input_value()
    assert re.fullmatch(r"[A-Za-z0-9]{10}", username) and re.fullmatch(r"[A-Za-z0-9]{10}", password)
    return username, password


def stored(page: Page) -> list[str | None]:
    """The page's localStorage values of its BrowserState components."""
    return page.evaluate("""() => Object.values(window.blocks.config.browser_state)
                              .map((key) => localStorage.getItem(key))""")


def test_generate_fills_the_fields_and_says_saved(context: BrowserContext, server: DemoProcess) -> None:
    page, watched = open_app(context, server.url)
    expect(page.get_by_label("Username")).to_have_value("")
    expect(page.get_by_label("Password")).to_have_value("")
    saved = page.get_by_text("✅ Saved to local storage")
    expect(saved).to_have_count(1)  # on the page, but hidden
    expect(saved).to_be_hidden()
    generate(page)
    expect(saved).to_be_visible()
    assert watched.messages("error") == []


def test_password_is_masked(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    expect(page.get_by_label("Password")).to_have_attribute("type", "password")
    expect(page.get_by_label("Username")).to_have_attribute("type", "text")


def test_values_survive_a_reload(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    username, password = generate(page)
    page.reload()
    wait_ready(page)
    expect(page.get_by_label("Username")).to_have_value(username)
    expect(page.get_by_label("Password")).to_have_value(password)
    # And in a new tab of the same browser.
    tab, _ = open_app(context, server.url)
    expect(tab.get_by_label("Username")).to_have_value(username)
    expect(tab.get_by_label("Password")).to_have_value(password)


def test_typed_values_survive_a_reload(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    page.get_by_label("Username").press_sequentially("alice")
    page.get_by_label("Password").press_sequentially("s3cret!")
    expect(page.get_by_text("✅ Saved to local storage")).to_have_text(SAVED)
    wait_idle(page)
    page.reload()
    wait_ready(page)
    expect(page.get_by_label("Username")).to_have_value("alice")
    expect(page.get_by_label("Password")).to_have_value("s3cret!")


def test_fast_clicks_store_what_the_page_shows(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    button = page.get_by_role("button", name="Generate Randomly")
    for _ in range(5):
        button.click()
    expect(page.get_by_text("✅ Saved to local storage")).to_have_text(SAVED)
    wait_idle(page)
    username = page.get_by_label("Username").input_value()
    password = page.get_by_label("Password").input_value()
    page.reload()
    wait_ready(page)
    expect(page.get_by_label("Username")).to_have_value(username)  # the last values, not an earlier pair
    expect(page.get_by_label("Password")).to_have_value(password)


def test_another_browser_does_not_see_the_values(new_context: Callable[[], BrowserContext],
                                                 server: DemoProcess) -> None:
    page, _ = open_app(new_context(), server.url)
    generate(page)
    stranger, _ = open_app(new_context(), server.url)
    expect(stranger.get_by_label("Username")).to_have_value("")
    expect(stranger.get_by_label("Password")).to_have_value("")


def test_values_survive_a_server_restart(context: BrowserContext, key_dir: Path) -> None:
    with demo_process("browser_state", key_dir / "restart.key") as server:
        page, _ = open_app(context, server.url)
        username, password = generate(page)

        assert server.stop() == 0, "".join(server.output)
        assert "Traceback" not in "".join(server.output)
        server.start()  # same port, same key file

        # The open page cannot resume a session the old server held: it says so and offers a reload.
        expect(page.get_by_role("alert")).to_contain_text("Session ended", timeout=15_000)
        page.reload()
        wait_ready(page)
        expect(page.get_by_label("Username")).to_have_value(username)
        expect(page.get_by_label("Password")).to_have_value(password)


def test_stored_value_is_not_readable(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    username, password = generate(page)
    [blob] = stored(page)
    assert blob, "nothing was stored in localStorage"
    assert username not in blob and password not in blob


TAMPER = {
    # One character of the sealed blob changed.
    "flipped": """(blob) => { const i = blob.length - 6;
                             return blob.slice(0, i) + (blob[i] === 'A' ? 'B' : 'A') + blob.slice(i + 1); }""",
    # A script on the page writes a plain value of its own.
    "plain": """() => JSON.stringify(["admin", "hunter2"])""",
    "garbage": """() => "v1.not-base64!" """,
}


@pytest.mark.parametrize("tamper", TAMPER.values(), ids=TAMPER.keys())
def test_tampered_value_falls_back_to_the_default(context: BrowserContext, server: DemoProcess, tamper: str) -> None:
    page, watched = open_app(context, server.url)
    generate(page)
    page.evaluate("""(tamper) => {
        const change = eval(tamper);
        for (const key of Object.values(window.blocks.config.browser_state)) {
            localStorage.setItem(key, change(localStorage.getItem(key)));
        }
    }""", tamper)
    page.reload()
    wait_ready(page)
    wait_idle(page)
    expect(page.get_by_label("Username")).to_have_value("")
    expect(page.get_by_label("Password")).to_have_value("")
    expect(page.get_by_role("alert")).to_have_count(0)
    assert any("BrowserState" in text for text in watched.messages("warning")), watched.messages("warning")


def test_falsy_values_are_stored(context: BrowserContext) -> None:
    with serve(apps.preferences()) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Volume")).to_have_value("10")
        expect(page.get_by_label("Nickname")).to_have_value("guest")
        page.get_by_label("Volume").fill("0")
        page.get_by_label("Nickname").fill("")
        wait_idle(page)
        page.reload()
        wait_ready(page)
        expect(page.get_by_label("Volume")).to_have_value("0")
        expect(page.get_by_label("Nickname")).to_have_value("")
        assert watched.messages("error") == []
