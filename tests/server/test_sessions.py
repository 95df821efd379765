"""Session lifecycle: server-issued ids, unload exactly once, resume after a blip, expiry."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

import blocks as gr

from .conftest import Page, value


def wait_for(predicate: Any, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def unload_app(unloaded: list[str]) -> tuple[gr.Blocks, gr.Button, gr.Number]:
    with gr.Blocks() as demo:
        count = gr.State(0)
        add = gr.Button("Add")
        shown = gr.Number(label="Count")
        add.click(lambda c: c + 1, count, count)
        count.change(lambda c: c, count, shown)

        @demo.unload
        def forget(request: gr.Request) -> None:
            unloaded.append(request.session_hash)

    return demo, add, shown


def test_session_ids_are_server_issued_and_unguessable(serve):
    with gr.Blocks() as demo:
        gr.Textbox()
    url = serve(demo)
    hashes = {Page(url).session_hash for _ in range(5)}
    assert len(hashes) == 5
    assert all(len(h) >= 22 for h in hashes)  # 16 random bytes, base64url


def test_unload_runs_once_when_the_page_says_bye(serve):
    unloaded: list[str] = []
    demo, add, _ = unload_app(unloaded)
    page = Page(serve(demo))
    page.bye()
    assert wait_for(lambda: unloaded == [page.session_hash])
    time.sleep(0.2)
    assert unloaded == [page.session_hash]


def test_a_blip_resumes_the_session_without_unload(serve, monkeypatch):
    monkeypatch.setenv("BLOCKS_RECONNECT_GRACE", "5")
    unloaded: list[str] = []
    demo, add, shown = unload_app(unloaded)
    url = serve(demo)
    page = Page(url)
    assert value(page.event(add), shown) == 1
    token = page.session["resume"]
    page.drop()
    again = Page(url, resume=token)
    assert again.session["resumed"] is True and again.session_hash == page.session_hash
    resync = again.recv()  # the page gets what it shows now, in case it missed updates
    assert resync["updates"][str(shown.id)]["value"] == 1
    assert value(again.event(add), shown) == 2  # same session, same State
    assert unloaded == []


def test_a_lost_connection_ends_the_session_after_the_grace_period(serve, monkeypatch):
    monkeypatch.setenv("BLOCKS_RECONNECT_GRACE", "0.3")
    unloaded: list[str] = []
    demo, _, _ = unload_app(unloaded)
    url = serve(demo)
    page = Page(url)
    token = page.session["resume"]
    page.drop()
    assert wait_for(lambda: unloaded == [page.session_hash])
    late = Page(url, resume=token)
    assert late.session["type"] == "expired"


def test_shutdown_runs_unload_for_open_sessions():
    unloaded: list[str] = []
    demo, _, _ = unload_app(unloaded)
    _, url, _ = demo.launch(prevent_thread_lock=True, quiet=True)
    pages = [Page(url), Page(url)]
    demo.close()
    assert sorted(unloaded) == sorted(p.session_hash for p in pages)


def test_state_is_dropped_after_the_ttl_with_delete_callback(serve, monkeypatch):
    monkeypatch.delenv("BLOCKS_STATE_TTL", raising=False)
    dropped: list[Any] = []
    with gr.Blocks(delete_cache=(0.1, 0.3)) as demo:
        cart = gr.State([], delete_callback=dropped.append)
        add = gr.Button("Add")
        add.click(lambda c: c + ["milk"], cart, cart)
    url = serve(demo)
    page = Page(url)
    page.event(add)
    store = demo.app.state.runtime.sessions.store
    page.bye()
    time.sleep(0.15)
    assert dropped == []  # closed, but kept for the TTL
    assert wait_for(lambda: dropped == [["milk"]])
    assert wait_for(lambda: store._values.get(page.session_hash) is None)


@pytest.mark.parametrize("env, expected", [(None, 3600.0), ("5", 5.0)])
def test_state_ttl_default_and_environment_override(monkeypatch, env, expected):
    if env is None:
        monkeypatch.delenv("BLOCKS_STATE_TTL", raising=False)
    else:
        monkeypatch.setenv("BLOCKS_STATE_TTL", env)
    with gr.Blocks() as demo:
        gr.State()
    assert demo.state_ttl == expected


def test_events_sent_before_bye_still_run(serve):
    clicks: list[int] = []
    unloaded: list[int] = []
    with gr.Blocks() as demo:
        add = gr.Button("Add")
        add.click(lambda: clicks.append(1))

        @demo.unload
        def gone() -> None:
            unloaded.append(len(clicks))

    page = Page(serve(demo))
    for _ in range(40):
        page.event(add, wait=False)
    page.bye()
    assert wait_for(lambda: unloaded == [40])  # every click ran, then unload, once


def test_api_sessions_end_with_unload_and_page_sessions_are_not_reachable(serve):
    instances: dict[str, int] = {}
    with gr.Blocks() as demo:
        status = gr.Textbox(label="Status")
        shown = gr.Textbox(label="Shown")

        def start(request: gr.Request) -> str:
            instances[request.session_hash] = 1
            return "ok"

        def show(request: gr.Request) -> str:
            return str(instances.get(request.session_hash))

        def cleanup(request: gr.Request) -> None:
            instances.pop(request.session_hash, None)

        demo.load(start, None, status)
        gr.Button("Show").click(show, None, shown)
        demo.unload(cleanup)
    url = serve(demo)
    for _ in range(5):
        assert httpx.post(url + "api/start", json={"data": []}).json() == {"data": ["ok"]}
    assert instances == {}  # each API call's session ended, and its unload ran
    page = Page(url)
    refused = httpx.post(url + "api/show", json={"data": [], "session_hash": page.session_hash})
    assert refused.status_code == 404


def test_a_failing_value_function_leaves_a_working_page(serve):
    def broken() -> str:
        raise RuntimeError("database down")

    with gr.Blocks() as demo:
        box = gr.Textbox(broken, label="Box")
        echo = gr.Textbox(label="Echo")
        box.submit(lambda v: v, box, echo)
    page = Page(serve(demo))
    assert "could not be computed (RuntimeError)" in page.errors()[0]["message"]
    assert value(page.event(box, "submit", {box: "hi"}), echo) == "hi"
