"""Hostile input against a real server: rebound host names, forged proxy headers, deep nesting,
bodies cut off mid-way, calls into sessions that ended. A clear 4xx, no traceback, nothing changed."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

import blocks as gr

from .conftest import Page, value
from .logwatch import LogWatch

DEEP = "[" * 1000 + "]" * 1000


@pytest.fixture
def shop(serve) -> Iterator[SimpleNamespace]:
    started, release = threading.Event(), threading.Event()
    with gr.Blocks() as demo:
        log = gr.State([])
        name = gr.Textbox(label="Name")
        add = gr.Button("Add")
        add.click(lambda n, entries: entries + [n], [name, log], log, api_name="add")
        shown = gr.Textbox(label="Shown", interactive=False)
        show = gr.Button("Show")
        show.click(lambda entries: json.dumps(entries), log, shown, api_name="show")
        note = gr.Markdown("hello")
        gr.Button("Shout").click(lambda text: text.upper(), note, shown, api_name="shout")
        with gr.Column() as panel:
            gr.Markdown("inside")
        gr.Button("Hide").click(lambda: gr.update(visible=False), None, panel, api_name="hide")

        def whoami(request: gr.Request) -> str:
            return request.client.host

        gr.Button("Who").click(whoami, None, shown, api_name="whoami")

        def slow(entries: list[str]) -> list[str]:
            started.set()
            release.wait(10)
            return entries + ["slow"]

        gr.Button("Slow").click(slow, log, log, api_name="slow")
    url = serve(demo)
    watch = LogWatch().attach()
    yield SimpleNamespace(url=url, port=int(url.rsplit(":", 1)[1].strip("/")), demo=demo, watch=watch,
                          name=name, add=add, show=show, shown=shown, started=started, release=release)
    release.set()
    watch.detach()
    assert watch.tracebacks() == []


# -- DNS rebinding ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("method, path", [("GET", ""), ("GET", "config"), ("POST", "api/add"), ("GET", "openapi.json")])
def test_a_rebound_name_is_refused_with_the_fix_named(shop, method, path):
    evil = f"evil.example:{shop.port}"
    response = httpx.request(method, shop.url + path, json={"data": ["x"]},
                             headers={"Host": evil, "Origin": f"http://{evil}"})
    assert response.status_code == 400
    assert "BLOCKS_ALLOWED_HOSTS" in response.json()["error"] and "'evil.example'" in response.json()["error"]


def _open_socket_as(shop: SimpleNamespace, name: str) -> None:
    """Open (and close) the WebSocket as a page served as http://<name>:<port>/ does (its Host and
    Origin), over loopback, as a rebound name does."""
    sock = socket.create_connection(("127.0.0.1", shop.port))
    with connect(f"ws://{name}:{shop.port}/ws", sock=sock, origin=f"http://{name}:{shop.port}"):  # type: ignore[arg-type]
        pass


def test_a_rebound_name_cannot_open_the_websocket(shop):
    with pytest.raises(InvalidStatus) as refused:
        _open_socket_as(shop, "evil.example")
    assert refused.value.response.status_code == 403
    _open_socket_as(shop, "localhost")


def test_a_second_host_header_is_refused(shop):
    with socket.create_connection(("127.0.0.1", shop.port)) as raw:
        raw.sendall(f"GET /config HTTP/1.1\r\nHost: 127.0.0.1:{shop.port}\r\nHost: evil.example\r\n"
                    f"Connection: close\r\n\r\n".encode())
        assert raw.recv(100).startswith(b"HTTP/1.1 400")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LocalHost.", "app.localhost", "[::1]", "192.0.2.7",
                                  socket.gethostname()])
def test_this_servers_own_names_are_served_on_any_port(shop, host):
    for port in (f":{shop.port}", ":8080", ""):  # SSH tunnels and port forwarding change the port
        assert httpx.get(shop.url + "config", headers={"Host": host + port}).status_code == 200


def test_allowed_hosts_come_from_the_environment(shop, monkeypatch):
    def status(host: str) -> int:
        return httpx.get(shop.url + "config", headers={"Host": host}).status_code

    monkeypatch.setenv("BLOCKS_ALLOWED_HOSTS", "app.example.org, *.apps.example.net")
    assert [status(h) for h in ("app.example.org", "a.apps.example.net", "apps.example.net", "evil.example")] == [
        200, 200, 400, 400]
    _open_socket_as(shop, "app.example.org")  # a page served under that name opens the WebSocket
    monkeypatch.setenv("BLOCKS_ALLOWED_HOSTS", "*")
    assert status("anything.example") == 200


# -- proxies ------------------------------------------------------------------------------------------------------

def test_forwarded_headers_are_ignored_from_peers_not_configured(shop):
    forged = {"X-Forwarded-For": "203.0.113.9"}
    assert httpx.post(shop.url + "api/whoami", json={"data": []}, headers=forged).json()["data"] == ["127.0.0.1"]
    # A page of another site cannot pass for this one with X-Forwarded-Host.
    spoof = {"X-Forwarded-Host": "evil.example", "Origin": "http://evil.example"}
    assert httpx.post(shop.url + "api/add", json={"data": ["x"]}, headers=spoof).status_code == 403


def test_a_configured_proxy_speaks_for_the_client(shop, monkeypatch):
    monkeypatch.setenv("BLOCKS_FORWARDED_ALLOW_IPS", "10.0.0.0/8, 127.0.0.1")
    proxied = {"X-Forwarded-For": "203.0.113.9, 10.0.0.2", "X-Forwarded-Proto": "https"}
    assert httpx.post(shop.url + "api/whoami", json={"data": []}, headers=proxied).json()["data"] == ["203.0.113.9"]
    public = {"X-Forwarded-Host": "app.example.org", "Origin": "https://app.example.org"}
    assert httpx.post(shop.url + "api/add", json={"data": ["x"]}, headers=public).status_code == 400  # not allowed yet
    monkeypatch.setenv("BLOCKS_ALLOWED_HOSTS", "app.example.org")
    assert httpx.post(shop.url + "api/add", json={"data": ["x"]}, headers=public).status_code == 200


# -- deep nesting -------------------------------------------------------------------------------------------------

def test_deep_nesting_over_http_is_a_400_before_anything_reads_it(shop):
    response = httpx.post(shop.url + "api/add", content='{"data": [' + DEEP + "]}")
    assert response.status_code == 400
    assert response.json()["error"] == ("the body nests lists/objects more than 64 levels deep; "
                                        "send flatter values")
    at_limit = '{"data": [' + "[" * 62 + "]" * 62 + "]}"  # the object and "data" count: 64 levels
    assert httpx.post(shop.url + "api/add", content=at_limit).status_code == 422  # read, then refused: not a string
    assert httpx.post(shop.url + "api/show", json={"data": []}).json()["data"] == ["[]"]


def test_deep_nesting_over_the_websocket_is_refused_and_changes_nothing(shop):
    page = Page(shop.url)
    page.send(f'{{"type": "event", "seq": 1, "target": {shop.add.id}, "event": "click", '
              f'"values": {{"{shop.name.id}": {DEEP}}}}}')
    page.seq = 1  # the next events are 2, 3...
    error = page.recv()
    assert error["type"] == "error" and error["title"] == "Bad request"
    assert value(page.event(shop.show), shop.shown) == "[]"  # the add did not run, the value was not kept
    page.event(shop.add, values={shop.name: "milk"})
    assert value(page.event(shop.show), shop.shown) == '["milk"]'
    assert page.errors() == [error]


# -- bodies cut off -----------------------------------------------------------------------------------------------

def _wait_for(condition: Any, what: str) -> None:
    deadline = time.monotonic() + 10
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.005)
    assert condition(), f"{what} within 10 s"


@pytest.mark.parametrize("path", ["api/add", "session/close"])
def test_a_body_cut_off_midway_is_dropped_quietly(shop, path):
    requests = shop.demo._server.uvicorn.server_state.tasks  # uvicorn's running requests
    with socket.create_connection(("127.0.0.1", shop.port)) as raw:
        raw.sendall(f"POST /{path} HTTP/1.1\r\nHost: 127.0.0.1:{shop.port}\r\nContent-Type: application/json\r\n"
                    f"Content-Length: 100\r\n\r\n".encode() + b'{"data": ["mil')
        _wait_for(lambda: requests, "the server started the request")  # and waits for the rest of the body
    # The request's task ends after logging whatever it raised: when it is gone, the log is complete.
    _wait_for(lambda: not requests, "the server finished the cut-off request")
    assert shop.watch.tracebacks() == [] and shop.watch.errors() == []
    assert httpx.post(shop.url + "api/show", json={"data": []}).json()["data"] == ["[]"]


# -- sessions that ended ------------------------------------------------------------------------------------------

def _keep(shop: SimpleNamespace) -> str:
    return httpx.post(shop.url + "api/add", json={"data": ["milk"], "keep_session": True}).json()["session_hash"]


def _ended_message(response: httpx.Response) -> str:
    assert response.status_code == 404, response.text
    return response.json()["error"]


def test_a_call_into_a_session_dropped_meanwhile_is_a_404_naming_the_fix(shop, monkeypatch):
    kept = _keep(shop)
    sessions = shop.demo.app.state.runtime.sessions
    hold = sessions.store.hold

    async def hold_while_swept(session_id: str) -> None:  # a store's round trip, during which a sweep drops it
        await sessions.drop(session_id)
        await hold(session_id)

    monkeypatch.setattr(sessions.store, "hold", hold_while_swept)
    message = _ended_message(httpx.post(shop.url + "api/add", json={"data": ["tea"], "session_hash": kept}))
    assert f"session_hash '{kept}' has ended" in message and '"keep_session": true' in message


def test_a_call_into_a_session_whose_values_expired_is_a_404(shop):
    kept = _keep(shop)
    runtime = shop.demo.app.state.runtime
    asyncio.run_coroutine_threadsafe(runtime.sessions.store.delete(kept), runtime.loop).result(5)
    message = _ended_message(httpx.post(shop.url + "api/show", json={"data": [], "session_hash": kept}))
    assert "has ended" in message and "BLOCKS_STATE_TTL" in message


def test_a_call_waiting_while_its_session_ends_is_a_404(shop, monkeypatch):
    kept = _keep(shop)
    sessions = shop.demo.app.state.runtime.sessions
    session, hold = sessions.by_id[kept], sessions.store.hold
    first = threading.Thread(target=lambda: httpx.post(shop.url + "api/slow", json={"data": [], "session_hash": kept},
                                                       timeout=20))
    first.start()
    assert shop.started.wait(10)

    async def hold_while_swept(session_id: str) -> None:  # the sweep starts dropping it, behind the slow call
        sessions.spawn(sessions.drop(session_id))
        await asyncio.sleep(0.05)
        await hold(session_id)

    monkeypatch.setattr(sessions.store, "hold", hold_while_swept)
    answer: list[httpx.Response] = []
    waiting = threading.Thread(target=lambda: answer.append(
        httpx.post(shop.url + "api/add", json={"data": ["tea"], "session_hash": kept}, timeout=20)))
    waiting.start()
    deadline = time.monotonic() + 10
    while len(session.inbox or ()) < 2 and time.monotonic() < deadline:  # the drop, then this call, wait in turn
        time.sleep(0.01)
    shop.release.set()
    first.join(20)
    waiting.join(20)
    assert "has ended" in _ended_message(answer[0])


# -- values the API must not choke on -----------------------------------------------------------------------------

def test_layout_outputs_and_markdown_inputs_over_the_api(shop):
    assert httpx.post(shop.url + "api/hide", json={"data": []}).json() == {"data": [None]}
    assert httpx.post(shop.url + "api/shout", json={"data": ["hi"]}).json() == {"data": ["HI"]}
    refused = httpx.post(shop.url + "api/shout", json={"data": [{"html": "<b>"}]})
    assert refused.status_code == 422 and "Markdown 'hello' expects a string" in refused.json()["error"]
