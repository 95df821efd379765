"""Bounded resources: silent sockets are closed, per-client limits on sockets and new sessions,
state_session_capacity (the longest-closed sessions make room; open pages never do), and the
page socket's short route past FastAPI's router (what an open page costs in memory)."""

from __future__ import annotations

import base64
import itertools
import os
import socket
import time
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

import blocks as gr

from .conftest import Page, value
from .test_sessions import wait_for


def named_app(deleted: list[Any], unloaded: list[str]) -> tuple[gr.Blocks, gr.Button, gr.Textbox]:
    """Each session's State is its own name (s0, s1, ...), which a click shows; unload and
    delete_callback say which sessions ended and which values were dropped."""
    names = itertools.count()
    with gr.Blocks() as demo:
        name = gr.State(lambda: f"s{next(names)}", delete_callback=deleted.append)
        shown = gr.Textbox(label="Name")
        show = gr.Button("Show")
        show.click(lambda n: n, name, shown, api_name="show")

        @demo.unload
        def forget(request: gr.Request) -> None:
            unloaded.append(request.session_hash)

    return demo, show, shown


def closed_by_server(ws: Any, timeout: float = 10) -> ConnectionClosed:
    """The close the server sent (failing if the socket stays open `timeout` seconds)."""
    try:
        while True:
            ws.recv(timeout=timeout)
    except ConnectionClosed as closed:
        return closed
    except TimeoutError:
        pytest.fail(f"the server kept the socket open for {timeout} s")


def ws_url(url: str) -> str:
    return url.replace("http", "ws", 1) + "ws"


def from_address(url: str, address: str) -> socket.socket:
    """A TCP connection to the server from another loopback address: another client."""
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    return socket.create_connection(("127.0.0.1", port), source_address=(address, 0))


# -- a socket that never says hello -------------------------------------------------------


def test_a_silent_socket_is_closed_after_the_hello_timeout(serve, monkeypatch):
    monkeypatch.setenv("BLOCKS_HELLO_TIMEOUT", "1")
    with gr.Blocks() as demo:
        gr.Textbox()
    port = int(serve(demo).rstrip("/").rsplit(":", 1)[1])
    raw = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    raw.sendall(f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    raw.settimeout(10)  # generous: the server must close it after 1 s
    received = b""
    while b"\r\n\r\n" not in received:
        received += raw.recv(4096)
    head, _, frame = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 101")  # upgraded: from now on the socket says nothing
    started = time.monotonic()
    while len(frame) < 2 or len(frame) < 2 + (frame[1] & 0x7F):
        chunk = raw.recv(4096)
        assert chunk, "the server dropped the socket without a close frame"
        frame += chunk
    assert time.monotonic() - started < 10
    assert frame[0] == 0x88  # a close frame
    code = int.from_bytes(frame[2:4], "big")
    reason = frame[4:2 + (frame[1] & 0x7F)].decode()
    assert (code, reason) == (4400, "no hello within 1 s")
    raw.close()


# -- per-client limits --------------------------------------------------------------------


def test_a_client_may_hold_a_limited_number_of_open_sockets(serve, monkeypatch):
    monkeypatch.setenv("BLOCKS_MAX_SOCKETS_PER_CLIENT", "3")
    with gr.Blocks() as demo:
        gr.Textbox()
    url = serve(demo)
    pages = [Page(url) for _ in range(3)]
    with connect(ws_url(url)) as fourth:  # refused before it says anything
        closed = closed_by_server(fourth)
    assert closed.rcvd is not None and closed.rcvd.code == 4429
    assert "BLOCKS_MAX_SOCKETS_PER_CLIENT" in closed.rcvd.reason
    with connect(ws_url(url), sock=from_address(url, "127.0.0.2")) as other_client:
        other_client.send('{"type": "hello", "resume": null, "browser_state": {}}')
        assert '"session"' in other_client.recv(timeout=10)
    pages[0].bye()
    # Its socket is counted off once the server has closed it: a new page gets in again.
    assert wait_for(lambda: _opens(url))
    for page in pages[1:]:
        page.bye()


def _opens(url: str) -> bool:
    try:
        page = Page(url)
    except ConnectionClosed:
        return False
    page.bye()
    return page.session.get("type") == "session"


def test_a_client_may_start_a_limited_number_of_sessions_a_minute(serve, monkeypatch):
    monkeypatch.setenv("BLOCKS_MAX_SESSIONS_PER_MINUTE", "2")
    deleted: list[Any] = []
    demo, show, shown = named_app(deleted, [])
    url = serve(demo)
    first, second = Page(url), Page(url)
    assert value(second.event(show), shown) == "s1"
    kept = httpx.post(url + "api/show", json={"data": [], "keep_session": True})
    assert kept.status_code == 429
    assert "BLOCKS_MAX_SESSIONS_PER_MINUTE" in kept.json()["error"]
    assert 1 <= int(kept.headers["Retry-After"]) <= 30  # one session every 30 s at 2 a minute
    # A call that keeps no session is not a session started: it is not limited by this.
    assert httpx.post(url + "api/show", json={"data": []}).json() == {"data": ["s2"]}
    with connect(ws_url(url)) as third:
        third.send('{"type": "hello", "resume": null, "browser_state": {}}')
        closed = closed_by_server(third)
    assert closed.rcvd is not None and closed.rcvd.code == 4429
    assert "BLOCKS_MAX_SESSIONS_PER_MINUTE" in closed.rcvd.reason
    with connect(ws_url(url), sock=from_address(url, "127.0.0.3")) as other_client:
        other_client.send('{"type": "hello", "resume": null, "browser_state": {}}')
        assert '"session"' in other_client.recv(timeout=10)  # another address has its own allowance
    first.bye()
    second.bye()


def test_a_malformed_limit_is_refused_at_launch(monkeypatch):
    monkeypatch.setenv("BLOCKS_MAX_SESSIONS_PER_MINUTE", "lots")
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(gr.BlocksError, match="BLOCKS_MAX_SESSIONS_PER_MINUTE='lots' is not a whole number"):
        demo.launch(prevent_thread_lock=True, quiet=True)


# -- state_session_capacity ---------------------------------------------------------------


def test_a_new_session_drops_the_longest_closed_one_over_the_capacity(serve):
    deleted: list[Any] = []
    unloaded: list[str] = []
    demo, show, shown = named_app(deleted, unloaded)
    url = serve(demo, state_session_capacity=3)
    first = Page(url)
    first.bye()  # s0 ended: its State is kept for the TTL...
    assert wait_for(lambda: len(unloaded) == 1)
    second = Page(url)
    second.bye()  # ...and s1
    assert wait_for(lambda: len(unloaded) == 2)
    third, fourth = Page(url), Page(url)  # s2, s3: the store held s0, s1, s2 when s3 came
    assert deleted == ["s0"]  # the longest-closed one made room; its delete_callback ran
    fifth = Page(url)
    assert deleted == ["s0", "s1"]
    assert [value(p.event(show), shown) for p in (third, fourth, fifth)] == ["s2", "s3", "s4"]


def test_open_pages_are_never_dropped_a_new_session_is_refused(serve):
    deleted: list[Any] = []
    demo, show, shown = named_app(deleted, [])
    url = serve(demo, state_session_capacity=2)
    pages = [Page(url), Page(url)]
    with connect(ws_url(url)) as third:
        third.send('{"type": "hello", "resume": null, "browser_state": {}}')
        closed = closed_by_server(third)
    assert closed.rcvd is not None and closed.rcvd.code == 1013
    assert "state_session_capacity" in closed.rcvd.reason
    refused = httpx.post(url + "api/show", json={"data": []})
    assert refused.status_code == 503 and "state_session_capacity" in refused.json()["error"]
    assert deleted == []
    assert [value(p.event(show), shown) for p in pages] == ["s0", "s1"]  # both still work
    pages[0].bye()
    assert wait_for(lambda: httpx.post(url + "api/show", json={"data": []}).status_code == 200)
    assert deleted[0] == "s0"  # the closed page's State made room for the call


def test_kept_api_sessions_count_against_the_capacity(serve):
    deleted: list[Any] = []
    unloaded: list[str] = []
    demo, show, shown = named_app(deleted, unloaded)
    url = serve(demo, state_session_capacity=2)

    def keep() -> str:
        reply = httpx.post(url + "api/show", json={"data": [], "keep_session": True}).json()
        assert reply["data"] == [f"s{len(kept)}"]
        return reply["session_hash"]

    kept: list[str] = []
    for _ in range(3):
        kept.append(keep())
    assert unloaded == [kept[0]] and deleted == ["s0"]  # the oldest kept session ended: unload, delete_callback
    gone = httpx.post(url + "api/show", json={"data": [], "session_hash": kept[0]})
    assert gone.status_code == 404
    again = httpx.post(url + "api/show", json={"data": [], "session_hash": kept[1]}).json()
    assert again["data"] == ["s1"]  # a kept session that was used again is the newest now
    keep()
    assert unloaded == [kept[0], kept[2]]


@pytest.mark.parametrize("capacity", [0, -5, 2.5, "many", True])
def test_a_bad_capacity_is_refused_at_launch(capacity):
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(gr.BlocksError, match="state_session_capacity"):
        demo.launch(prevent_thread_lock=True, quiet=True, state_session_capacity=capacity)


# -- the page socket's route ---------------------------------------------------------------


def test_the_page_socket_keeps_the_request_and_the_root_path(serve):
    """/ws skips FastAPI's router (each layer costs memory for as long as a page is open): it is
    still found under the root path, and gr.Request still has the handshake's details."""
    with gr.Blocks() as demo:
        who = gr.Textbox(label="Who")
        ask = gr.Button("Ask")

        def describe(request: gr.Request) -> str:
            return f"{request.query_params.get('name')} {request.headers.get('x-team')} {request.request.url.path}"

        ask.click(describe, None, who)
    url = serve(demo, root_path="/app")
    for prefix in ("", "app/"):  # a proxy that strips the root path, and one that does not
        page = Page(url + prefix, query="?name=ada")
        assert value(page.event(ask), who) == f"ada None /{prefix}ws"
        page.bye()
    with connect(ws_url(url) + "?name=bob", additional_headers={"X-Team": "blue"}) as ws:
        ws.send('{"type": "hello", "resume": null, "browser_state": {}}')
        messages = [ws.recv(timeout=10) for _ in range(2)]
        ws.send(f'{{"type": "event", "seq": 1, "target": {ask.id}, "event": "click", "values": {{}}}}')
        reply = ws.recv(timeout=10)
    assert '"session"' in messages[0] and '"bob blue /ws"' in reply
