"""HTTP: the page, assets, config, and POST /api/<api_name> for scripts."""

from __future__ import annotations

import gzip

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

import blocks as gr

from .conftest import Page


@pytest.fixture
def cart(serve):
    with gr.Blocks(title="Shop") as demo:
        cart = gr.State([])
        items = gr.CheckboxGroup(["Cereal", "Milk"], label="Items")
        add = gr.Button("Add Items")
        add.click(lambda new, old: old + new, [items, cart], cart, api_name="add")
        size = gr.Number(label="Cart Size")
        cart.change(lambda c: len(c), cart, size)
        note = gr.Markdown("Hi <script>alert(1)</script>")

        def fail() -> None:
            raise gr.Error("Closed today")

        gr.Button("Fail").click(fail, None, None)
    return serve(demo), note


def test_page_embeds_config_and_is_compressed(cart):
    url, note = cart
    response = httpx.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response.headers["content-encoding"] == "gzip"
    html = response.text
    assert "<title>Shop</title>" in html and 'id="blocks-config"' in html
    assert "<script>alert(1)" not in html  # raw HTML in Markdown is sanitized, and "<" is escaped in JSON
    config = httpx.get(url + "config").json()
    sanitized = "<p>Hi </p>\n"  # the script and its text are gone
    assert config["components"][str(note.id)]["props"]["value"]["html"] == sanitized


def test_assets_are_versioned_compressed_and_cached(cart):
    url, _ = cart
    version = httpx.get(url + "config").json()["version"]
    response = httpx.get(f"{url}assets/{version}/index.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-type"].startswith("text/javascript")
    assert int(response.headers["content-length"]) < len(gzip.decompress(gzip.compress(response.content)))
    missing = httpx.get(f"{url}assets/{version}/nope.js")
    assert missing.status_code == 404 and "no asset" in missing.json()["error"]


def test_api_runs_a_listener_and_keeps_a_session(cart):
    url, _ = cart
    once = httpx.post(url + "api/add", json={"data": [["Milk"]]}).json()
    assert once == {"data": [None]}  # State outputs are not sent; no session is kept
    first = httpx.post(url + "api/add", json={"data": [["Milk"]], "keep_session": True}).json()
    assert first["data"] == [None]
    again = httpx.post(url + "api/add", json={"data": [["Cereal"]], "session_hash": first["session_hash"]})
    assert again.status_code == 200 and again.json()["session_hash"] == first["session_hash"]


@pytest.mark.parametrize("body, status, message", [
    (b"not json", 400, "not JSON"),
    (b'{"data": "Milk"}', 422, "must be a list of 1 value"),
    (b'{"data": [["Beer"]]}', 422, "expects a list of its choices"),
    (b'{"data": [["Milk"]], "session_hash": "guessed"}', 404, "unknown or ended session_hash"),
])
def test_api_bad_requests_are_explained(cart, body, status, message):
    url, _ = cart
    response = httpx.post(url + "api/add", content=body)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_api_unknown_endpoint_points_to_the_docs_without_listing_them(cart):
    url, _ = cart
    response = httpx.post(url + "api/nope", json={"data": []})
    assert response.status_code == 404
    assert response.json()["error"] == "no endpoint '/api/nope'. The endpoints are described at /openapi.json."
    near = httpx.post(url + "api/ad", json={"data": []}).json()["error"]
    assert "Did you mean '/api/add'?" in near and "fail" not in near and "lambda" not in near


def test_api_gr_error_is_a_400_with_the_message(cart):
    url, _ = cart
    response = httpx.post(url + "api/fail", json={"data": []})
    assert response.status_code == 400 and response.json()["error"] == "Closed today"


def test_page_session_can_be_closed_by_beacon(serve):
    unloaded = []
    with gr.Blocks() as demo:
        gr.Textbox()

        @demo.unload
        def gone(request: gr.Request) -> None:
            unloaded.append(request.session_hash)

    url = serve(demo)
    page = Page(url)
    assert httpx.post(url + "session/close", content=page.session["resume"]).status_code == 204
    assert unloaded == [page.session_hash]
    assert httpx.post(url + "session/close", content=b"forged").status_code == 404


def test_api_calls_without_a_session_keep_nothing(serve):
    dropped = []
    with gr.Blocks() as demo:
        log = gr.State([], delete_callback=dropped.append)
        word = gr.Textbox(label="Word")
        word.submit(lambda w, entries: entries + [w], [word, log], log, api_name="note")
    url = serve(demo)
    for n in range(20):
        assert httpx.post(url + "api/note", json={"data": [f"w{n}"]}).status_code == 200
    sessions = demo.app.state.runtime.sessions
    assert sessions.by_id == {} and sessions.store._values == {}
    assert sorted(dropped) == sorted([f"w{n}"] for n in range(20))


def test_other_sites_cannot_drive_the_app(cart, monkeypatch):
    url, _ = cart
    evil = {"Origin": "https://evil.example"}
    response = httpx.post(url + "api/add", json={"data": [["Milk"]]}, headers=evil)
    assert response.status_code == 403 and "BLOCKS_ALLOWED_ORIGINS" in response.json()["error"]
    with pytest.raises(InvalidStatus) as refused:
        connect(url.replace("http", "ws") + "ws", additional_headers=evil)
    assert refused.value.response.status_code == 403
    same = {"Origin": url.rstrip("/")}
    assert httpx.post(url + "api/add", json={"data": [["Milk"]]}, headers=same).status_code == 200
    monkeypatch.setenv("BLOCKS_ALLOWED_ORIGINS", "https://evil.example")
    assert httpx.post(url + "api/add", json={"data": [["Milk"]]}, headers=evil).status_code == 200


def test_oversized_bodies_are_refused_before_reading(cart):
    url, _ = cart
    response = httpx.post(url + "api/add", content=b"x" * 1_200_000)
    assert response.status_code == 413 and "1,000,000-byte limit" in response.json()["error"]


def test_a_value_the_page_cannot_show_fails_launch_naming_it_not_the_first_page_load(tmp_path, monkeypatch):
    """chatbot_examples without its files/ folder: the census saw GET / answer a bare 500."""
    monkeypatch.chdir(tmp_path)
    with gr.Blocks() as demo:
        gr.Chatbot(examples=[{"text": "Hi", "icon": "files/avatar.png"}])
    with pytest.raises(gr.InvalidValueError, match=r"Chatbot\(examples=...\) returned 'files/avatar.png', which is "
                                                   r"not a file"):
        demo.launch(prevent_thread_lock=True, quiet=True)


def test_a_failure_no_route_expected_still_answers_saying_what_failed(serve):
    with gr.Blocks() as demo:
        gr.Textbox()
    url = serve(demo)
    runtime = demo._app.state.runtime

    def broken(*args):
        raise RuntimeError("a bug")

    runtime.page = broken  # a bug in blocks itself, on the page route
    reply = httpx.get(url)
    assert reply.status_code == 500
    assert reply.json() == {"error": "the server could not answer /: RuntimeError; the server log has the details."}
    assert httpx.get(url + "config").status_code == 200  # the rest goes on
