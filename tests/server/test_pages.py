"""Multipage apps over HTTP and WebSocket: each page (Blocks.route) at its own path with its own config,
a session of one page runs that page's listeners only (its load, its components' events and values)."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest
from fastapi import FastAPI
from websockets.exceptions import ConnectionClosed

import blocks as gr

from .conftest import Page, serve_asgi, value


class RoutePage(Page):
    """A simulated page of one route: its hello names the route, as index.js does from the config."""

    def __init__(self, url: str, route: str, **options: Any):
        self.route = route
        super().__init__(url, **options)

    def send(self, message: Any) -> None:
        if isinstance(message, dict) and message.get("type") == "hello":
            message = {**message, "route": self.route}
        super().send(message)


def two_pages() -> dict[str, Any]:
    with gr.Blocks(title="Pages") as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        greet = gr.Button("Greet")
        greet.click(lambda text: f"Hello {text}!", name, greeting)
        demo.load(lambda: "main loaded", None, greeting)
    with demo.route("Counter") as counter_page:
        count = gr.Number(label="Count", value=0)
        add = gr.Button("Add one")
        add.click(lambda n: n + 1, count, count)
        counter_page.load(lambda: 10, None, count)
    return {"demo": demo, "name": name, "greeting": greeting, "greet": greet, "count": count, "add": add}


def embedded_config(html: str) -> dict[str, Any]:
    start = html.index('id="blocks-config">') + len('id="blocks-config">')
    return orjson.loads(html[start:html.index("</script>", start)])


def test_each_page_is_served_at_its_path_with_only_its_components(serve: Any) -> None:
    app = two_pages()
    url = serve(app["demo"])
    main, counter = embedded_config(httpx.get(url).text), embedded_config(httpx.get(url + "counter").text)
    assert str(app["name"].id) in main["components"] and str(app["count"].id) not in main["components"]
    assert str(app["count"].id) in counter["components"] and str(app["name"].id) not in counter["components"]
    assert [d["triggers"] for d in counter["dependencies"]] == [[[app["add"].id, "click"]], [[0, "load"]]]
    assert counter["navbar"] == {"pages": [["", "Home", True], ["counter", "Counter", True]], "page": "counter",
                                 "id": None}
    assert httpx.get(url + "config", params={"page": "counter"}).json()["navbar"]["page"] == "counter"
    assert httpx.get(url + "config", params={"page": "nowhere"}).status_code == 404
    assert httpx.get(url + "nowhere").status_code == 404


def test_a_session_runs_its_own_pages_load_and_listeners(serve: Any) -> None:
    app = two_pages()
    url = serve(app["demo"])
    main = Page(url)
    assert value(main.load_updates, app["greeting"]) == "main loaded" and str(app["count"].id) not in main.load_updates
    counter = RoutePage(url, "counter")
    assert value(counter.load_updates, app["count"]) == 10 and str(app["greeting"].id) not in counter.load_updates
    assert value(counter.event(app["add"], values={app["count"]: 10}), app["count"]) == 11
    assert value(main.event(app["greet"], values={app["name"]: "Ada"}), app["greeting"]) == "Hello Ada!"


def test_a_page_cannot_fire_or_fill_another_pages_components(serve: Any) -> None:
    app = two_pages()
    url = serve(app["demo"])
    main = Page(url)
    main.event(app["add"], wait=False)  # the Counter page's button, from the main page
    refused = main.recv()
    assert refused["type"] == "error" and "another page" in refused["message"]
    main.event(app["greet"], values={app["count"]: 5}, wait=False)  # a value of another page's component
    assert "does not exist or does not accept input" in main.recv()["message"]
    counter = RoutePage(url, "counter")
    counter.event(app["greet"], values={app["name"]: "x"}, wait=False)
    assert "another page" in counter.recv()["message"]


def test_a_hello_naming_an_unknown_page_is_refused(serve: Any) -> None:
    app = two_pages()
    url = serve(app["demo"])
    refused = RoutePage(url, "admin")
    assert refused.session["type"] == "error" and "the page 'admin'" in refused.session["message"]
    with pytest.raises(ConnectionClosed) as closed:
        refused.recv()
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4400


def test_a_session_resumes_only_from_its_own_page(serve: Any) -> None:
    app = two_pages()
    url = serve(app["demo"])
    counter = RoutePage(url, "counter")
    token = counter.session["resume"]
    counter.drop()
    elsewhere = Page(url, resume=token)  # the main page cannot take the Counter page's session
    assert elsewhere.session["type"] == "expired"


def test_mounted_under_a_path_each_page_is_there_and_its_links_start_with_it() -> None:
    parent = FastAPI()
    parent.mount("/sub", two_pages()["demo"].app)
    with serve_asgi(parent) as url:
        page = httpx.get(f"{url}sub/counter")
        config = embedded_config(page.text)
        assert config["root"] == "/sub/" and config["navbar"]["page"] == "counter"  # navbar.js links to root + path
