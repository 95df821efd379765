"""Event-path guarantees found by review: generator yields, API inputs, close code 1001, and
a session ended by its page and by the shutdown at the same time."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
import orjson
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

import blocks as gr

from .conftest import Page, value

WAIT = 10


@pytest.fixture
def streaming(serve):
    changes: list[Any] = []

    def append_then_fail(items: list[int]) -> Any:
        items.append(1)
        yield items
        items.append(2)
        yield items
        items.append(999)  # an in-place edit after the last yield, then a crash: never stored
        raise RuntimeError("boom")

    with gr.Blocks() as demo:
        items = gr.State([])
        shown = gr.Textbox(label="Items")
        run, show = gr.Button("Run"), gr.Button("Show")
        run.click(append_then_fail, items, items)
        items.change(lambda v: changes.append(list(v)), items, None)
        show.click(lambda v: str(v), items, shown)
    return Page(serve(demo)), run, show, shown, changes


def test_a_failing_generator_keeps_state_as_of_its_last_yield_and_change_fires(streaming):
    page, run, show, shown, changes = streaming
    page.event(run)
    assert [e["message"] for e in page.errors()] == ["append_then_fail() failed (RuntimeError). The server log "
                                                     "has the details."]
    # Had the store kept the generator's own list, its edit after the last yield would show here.
    assert value(page.event(show), shown) == "[1, 2]"
    assert changes == [[1, 2]]  # .change ran for what the yields changed


def test_api_inputs_become_the_sessions_values_for_followers(serve):
    with gr.Blocks() as demo:
        box = gr.Textbox(label="Box")
        shout = gr.State("")
        out = gr.Textbox(label="Out")
        go = gr.Button("Go")
        go.click(lambda t: t, box, out, api_name="echo").then(lambda t: t.upper(), box, shout)
        gr.Button("Read").click(lambda s: s, shout, out, api_name="read")
    url = serve(demo)
    first = httpx.post(url + "api/echo", json={"data": ["hello"], "keep_session": True}).json()
    assert first["data"] == ["hello"]
    read = httpx.post(url + "api/read", json={"data": [], "session_hash": first["session_hash"]})
    assert read.json()["data"] == ["HELLO"]  # the .then follower saw the API's input


def test_close_code_1001_ends_the_session_at_once_and_a_blip_does_not(serve, monkeypatch):
    monkeypatch.setenv("BLOCKS_RECONNECT_GRACE", "60")
    ended: list[str] = []

    def unload(request: gr.Request) -> None:
        ended.append(request.session_hash)  # type: ignore[arg-type]

    with gr.Blocks() as demo:
        gr.Textbox(label="Box")
        demo.unload(unload)
    url = serve(demo)
    leaving, blipping = Page(url), Page(url)
    leaving.ws.close(code=1001)
    blipping.drop()
    deadline = time.monotonic() + WAIT
    while leaving.session_hash not in ended and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ended == [leaving.session_hash]
    time.sleep(0.5)  # the blip's session waits out its 60 s grace; half a second shows it did not end now
    assert blipping.session_hash not in ended


def test_a_session_ending_as_the_server_stops_unloads_once(serve):
    unloads: list[str] = []

    def unload(request: gr.Request) -> None:
        time.sleep(0.3)  # still running when the shutdown starts
        unloads.append(request.session_hash)  # type: ignore[arg-type]

    with gr.Blocks() as demo:
        gr.Textbox(label="Box")
        demo.unload(unload)
    url = serve(demo)
    pages = [Page(url) for _ in range(3)]
    pages[0].send({"type": "bye"})
    time.sleep(0.05)  # the bye is being handled: its unload has started
    demo.close()
    assert sorted(unloads) == sorted(p.session_hash for p in pages)  # each once, none twice


def test_a_hello_during_shutdown_gets_no_session(serve):
    release = threading.Event()
    unloading = threading.Event()

    def unload() -> None:
        unloading.set()
        release.wait(WAIT)  # holds the shutdown open while the late page says hello

    with gr.Blocks() as demo:
        gr.Textbox(label="Box")
        demo.unload(unload)
    url = serve(demo)
    Page(url)
    late = connect(url.replace("http", "ws", 1) + "ws", legacy=True)  # accepted before the shutdown, silent until after
    closing = threading.Thread(target=demo.close)
    closing.start()
    try:
        assert unloading.wait(WAIT)
        late.send('{"type": "hello", "resume": null, "browser_state": {}}')
        told = orjson.loads(late.recv(timeout=WAIT))
        assert (told["type"], told["message"]) == ("expired", "The server is shutting down. Reload the page in a "
                                                              "moment.")
    finally:
        release.set()
        closing.join(WAIT)
    with pytest.raises(ConnectionClosed):
        late.recv(timeout=WAIT)
    assert late.close_code == 1012


def test_shutdown_unloads_kept_api_sessions_once_with_their_values(serve, caplog):
    unloads: list[str] = []

    def unload(request: gr.Request) -> None:
        unloads.append(request.session_hash)  # type: ignore[arg-type]

    with gr.Blocks() as demo:
        box = gr.Textbox(label="Box")
        gr.Button("Go").click(lambda t: t, box, box, api_name="echo")
        demo.unload(unload)
    url = serve(demo)
    kept = httpx.post(url + "api/echo", json={"data": ["x"], "keep_session": True}).json()["session_hash"]
    with caplog.at_level("WARNING", logger="blocks"):
        demo.close()
    assert unloads == [kept]
    assert "failed" not in caplog.text


def test_a_function_whose_parameters_do_not_match_its_inputs_fails_each_call_clearly(serve):
    with gr.Blocks() as demo:
        a, out = gr.Textbox(label="A"), gr.Textbox(label="Out")
        go, ok = gr.Button("Go"), gr.Button("Ok")
        go.click(lambda x, y, z: x, a, out)
        ok.click(lambda x: x.upper(), a, out)
    page = Page(serve(demo))
    page.event(go, "click", {a: "hi"})
    [error] = page.errors()
    assert "<lambda>() takes 3 input parameter(s) but the listener has 1 input(s)" in error["message"]
    assert value(page.event(ok, "click", {a: "hi"}), out) == "HI"  # the server goes on serving
