"""gr.mount_gradio_app: a Blocks under a path of the user's own FastAPI app, run by uvicorn."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import free_port, open_app

pytestmark = pytest.mark.browser


@pytest.fixture
def parent_app() -> Iterator[tuple[str, list[str], Callable[[], None]]]:
    """A FastAPI app with a route of its own and a Blocks at /gradio, served by a real uvicorn."""
    unloaded: list[str] = []
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        name.submit(lambda n: f"Hello {n}!", name, greeting)
        demo.unload(lambda: unloaded.append("unload"))
    app = FastAPI()

    @app.get("/")
    def home() -> dict[str, str]:
        return {"home": "the parent app"}

    assert gr.mount_gradio_app(app, demo, path="/gradio") is app
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    def stop() -> None:
        server.should_exit = True
        thread.join(15)

    try:
        yield f"http://127.0.0.1:{port}", unloaded, stop
    finally:
        stop()


def test_a_mounted_blocks_serves_its_page_under_the_path(context: BrowserContext,
                                                          parent_app: tuple[str, list[str], Any]) -> None:
    base, unloaded, _ = parent_app
    assert httpx.get(base + "/").json() == {"home": "the parent app"}
    assert httpx.get(base + "/gradio", follow_redirects=False).status_code in (307, 308)  # to /gradio/
    page, watched = open_app(context, base + "/gradio/")
    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Name").press("Enter")
    expect(page.get_by_label("Greeting")).to_have_value("Hello Ada!")
    assert watched.messages("error") == []
    page.close()  # the page says bye: its session ends and demo.unload runs
    deadline = time.monotonic() + 10
    while not unloaded and time.monotonic() < deadline:
        time.sleep(0.05)
    assert unloaded == ["unload"]


def test_stopping_the_parent_app_ends_the_open_sessions(context: BrowserContext,
                                                       parent_app: tuple[str, list[str], Any]) -> None:
    base, unloaded, stop = parent_app
    page, _ = open_app(context, base + "/gradio/")
    expect(page.get_by_label("Name")).to_be_visible()
    stop()  # uvicorn runs the parent's lifespan shutdown, which now ends the Blocks' sessions
    assert unloaded == ["unload"]


def test_the_path_must_be_a_plain_prefix() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(gr.BlocksError, match="'/gradio'"):
        gr.mount_gradio_app(FastAPI(), demo, path="gradio/")
