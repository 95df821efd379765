"""Limits seen from a browser: BrowserState values that no longer fit in one hello frame together
(the page used to reconnect forever), and a page the server keeps refusing (it stops and says why)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, expect
from websockets.sync.client import connect

import blocks as gr
from blocks.sealing import Sealer

from .support import free_port, open_app, serve, wait_ready, watch

pytestmark = pytest.mark.browser

SECRET = "resource-limits-test"
SIZES = {"notes_a": 255_000, "notes_b": 253_000, "notes_c": 251_000}  # each under the 256 KiB cap
# The loop this guards against reconnects within RETRY_MAX_MS (2 s) of a failure: waiting longer
# than that shows there is no further attempt.
QUIET_MS = 2500


def notes_app() -> gr.Blocks:
    """Three BrowserStates; the page load shows how long each stored value is."""
    with gr.Blocks() as demo:
        notes = [gr.BrowserState("", storage_key=key, secret=SECRET) for key in SIZES]
        lengths = gr.Textbox(label="Lengths")
        demo.load(lambda *held: ",".join(str(len(v)) for v in held), notes, lengths)
    return demo


@pytest.fixture(scope="module")
def notes_url() -> Iterator[str]:
    with serve(notes_app()) as url:
        yield url


def test_browser_state_over_the_frame_limit_drops_the_largest_and_the_page_loads(
        context: BrowserContext, notes_url: str, caplog: pytest.LogCaptureFixture) -> None:
    blobs = {key: Sealer(key, SECRET).seal("n" * size) for key, size in SIZES.items()}
    assert sum(map(len, blobs.values())) > 1_000_000  # together they cannot go in one frame
    page, watched = open_app(context, notes_url)
    page.evaluate("(blobs) => Object.entries(blobs).forEach(([k, v]) => localStorage.setItem(k, v))", blobs)
    caplog.set_level(logging.WARNING, logger="blocks")
    page.reload()
    # Bounded waits (not wait_ready): without the fix the page never becomes ready.
    expect(page.get_by_label("Lengths")).to_have_value("0,253000,251000")  # the largest one was left out
    warnings = watched.messages("warning")
    assert any('removed BrowserState "notes_a"' in w and "900000 bytes" in w for w in warnings), warnings
    stored = page.evaluate("(keys) => keys.map((k) => localStorage.getItem(k))", list(SIZES))
    assert stored == [None, blobs["notes_b"], blobs["notes_c"]]
    assert any("dropped its stored value of BrowserState" in r.getMessage() and str(len(blobs["notes_a"])) in
               r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]
    page.wait_for_timeout(QUIET_MS)
    assert page.evaluate("() => window.__connection") == ["open"]  # one connection after the reload, no loop
    assert len(watched.sessions) == 2  # the first visit and the reload
    page.reload()  # and the next visit loads without a warning
    wait_ready(page)
    expect(page.get_by_label("Lengths")).to_have_value("0,253000,251000")


def test_a_page_the_server_keeps_refusing_stops_and_says_why(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.Textbox(label="Name")
    _, url, _ = demo.launch(prevent_thread_lock=True, server_port=free_port(), quiet=True, state_session_capacity=1)
    try:
        with connect(url.replace("http", "ws", 1) + "ws") as holder:  # the one session there is room for
            holder.send('{"type": "hello", "resume": null, "browser_state": {}}')
            assert '"session"' in holder.recv(timeout=10)
            page = context.new_page()
            watched = watch(page)
            sockets: list[str] = []
            page.on("websocket", lambda ws: sockets.append(ws.url))
            page.goto(url)
            alert = page.get_by_role("alert").filter(has_text="Cannot connect")
            expect(alert).to_contain_text("The server is full (state_session_capacity=1, all in use); try again "
                                          "later. Stopped retrying after 3 attempts")
            expect(alert.get_by_role("button", name="Reload")).to_be_visible()
            page.wait_for_timeout(QUIET_MS)
            assert len(sockets) == 3  # and no more
            assert any("stopped reconnecting after 3 failed connections (close code 1013)" in m
                       for m in watched.messages("error")), watched.messages("error")
    finally:
        demo.close()
