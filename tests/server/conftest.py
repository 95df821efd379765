"""Server-level fixtures: a real uvicorn server in this process, and a simulated page over WebSocket."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from websockets.sync.client import ClientConnection, connect

import blocks as gr


class Page:
    """A simulated browser page: speaks the WebSocket protocol like frontend/index.js."""

    def __init__(self, url: str, browser_state: dict[str, Any] | None = None, resume: str | None = None,
                 query: str = "", headers: dict[str, str] | None = None, deep_link: str | None = None):
        self.ws: ClientConnection = connect(url.replace("http", "ws", 1) + "ws" + query, max_size=None, legacy=True,
                                            additional_headers=headers)
        self.seq = 0
        self.messages: list[dict[str, Any]] = []
        hello = {"type": "hello", "resume": resume, "browser_state": browser_state or {}}
        self.send(hello if deep_link is None else {**hello, "deep_link": deep_link})
        first = self.recv()
        self.session = first
        self.session_hash = first.get("session_hash")
        self.load_updates: dict[str, Any] = {}
        if first.get("type") == "session" and not first.get("resumed"):
            self.load_updates = self.until_done(0)

    def send(self, message: Any) -> None:
        self.ws.send(message if isinstance(message, (str, bytes)) else orjson.dumps(message).decode())

    def recv(self, timeout: float = 10) -> dict[str, Any]:
        message = orjson.loads(self.ws.recv(timeout=timeout))
        self.messages.append(message)
        return message

    def until_done(self, seq: int) -> dict[str, Any]:
        """Merged updates of event `seq`, up to its done frame."""
        merged: dict[str, Any] = {}
        while True:
            message = self.recv()
            if message["type"] == "update" and message["seq"] == seq:
                for cid, patch in message["updates"].items():
                    merged.setdefault(cid, {}).update(patch)
                if message["done"]:
                    return merged

    def event(self, target: gr.Block, event: str = "click", values: dict[Any, Any] | None = None,
              wait: bool = True, data: Any = None) -> dict[str, Any]:
        """Send an event as the page does; `data` is what becomes the listener's gr.EventData fields."""
        self.seq += 1
        sent = {str(k.id if isinstance(k, gr.Block) else k): v for k, v in (values or {}).items()}
        message = {"type": "event", "seq": self.seq, "target": target.id, "event": event, "values": sent}
        self.send(message if data is None else {**message, "data": data})
        return self.until_done(self.seq) if wait else {}

    def errors(self) -> list[dict[str, Any]]:
        return [m for m in self.messages if m["type"] == "error"]

    def bye(self) -> None:
        self.send({"type": "bye"})
        with contextlib.suppress(Exception):
            self.ws.recv(timeout=5)
        self.ws.close()

    def drop(self) -> None:
        """Lose the connection without a goodbye, as a network blip does."""
        self.ws.socket.shutdown(socket.SHUT_RDWR)
        self.ws.socket.close()


def upload_files(url: str, page: Page, files: dict[str, bytes], full: bool = True) -> Any:
    """POST /upload as the page does (with its session's token); FileData payloads (full) or paths."""
    import httpx  # noqa: PLC0415

    reply = httpx.post(url + "upload" + ("?format=filedata" if full else ""),
                       headers={"X-Blocks-Session": page.session["resume"]},
                       files=[("files", (name, body)) for name, body in files.items()])
    return reply


@pytest.fixture
def serve() -> Iterator[Any]:
    """serve(demo) launches a Blocks on a free port and returns its URL; closed after the test."""
    launched: list[gr.Blocks] = []

    def start(demo: gr.Blocks, **kwargs: Any) -> str:
        _, url, _ = demo.launch(prevent_thread_lock=True, quiet=True, server_port=_free_port(), **kwargs)
        launched.append(demo)
        return url

    yield start
    for demo in launched:
        demo.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def value(updates: dict[str, Any], component: gr.Block) -> Any:
    """The value a page would show for `component` after `updates`."""
    return updates[str(component.id)]["value"]


@contextlib.contextmanager
def serve_asgi(app: Any) -> Iterator[str]:
    """Any ASGI app (say, FastAPI with a blocks app mounted in it) on a real uvicorn, in a thread:
    yields its base URL, stops it at the end."""
    import threading  # noqa: PLC0415
    import time  # noqa: PLC0415

    import uvicorn  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started and thread.is_alive():
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(10)
