"""Helpers of the browser tests: demo servers (a subprocess like `python demos/x.py`, or in this
process when a test must look inside the server) and what a page said (console, sessions)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, WebSocket, WebSocketRoute

import blocks as gr

ROOT = Path(__file__).resolve().parents[2]
DEMOS = ROOT / "demos"
READY_LINE = "* Running on local URL: "
START_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------
# Servers


class DemoProcess:
    """`python demos/<name>.py` on a given port, stopped with Ctrl-C (SIGINT) like a user would."""

    def __init__(self, script: Path, port: int, key_file: Path, extra_env: dict[str, str] | None = None,
                 cwd: Path = ROOT):
        self.script, self.cwd = script, cwd
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"
        self.env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "BLOCKS_KEY_FILE": str(key_file),
                    "PYTHONUNBUFFERED": "1", **(extra_env or {})}
        self.proc: subprocess.Popen[str] | None = None
        self.output: list[str] = []

    def start(self) -> DemoProcess:
        self.output = []
        proc = subprocess.Popen([sys.executable, str(self.script)], cwd=self.cwd, env=self.env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.proc = proc
        ready = threading.Event()

        def pump() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                self.output.append(line)
                if line.startswith(READY_LINE):
                    ready.set()

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + START_TIMEOUT
        while not ready.wait(0.05):
            if proc.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"{self.script.name} did not start:\n{''.join(self.output)}")
        return self

    def stop(self) -> int:
        """Ctrl-C; the demo must exit by itself. Returns its exit code."""
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return proc.returncode if proc else 0
        proc.send_signal(signal.SIGINT)
        try:
            return proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise AssertionError(f"{self.script.name} ignored Ctrl-C:\n{''.join(self.output)}") from None
        finally:
            if proc.stdout:
                proc.stdout.close()

    def kill(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc is not None and proc.stdout:
            proc.stdout.close()


@contextlib.contextmanager
def demo_process(name: str, key_file: Path, extra_env: dict[str, str] | None = None) -> Iterator[DemoProcess]:
    server = DemoProcess(DEMOS / f"{name}.py", free_port(), key_file, extra_env).start()
    try:
        yield server
    finally:
        server.stop()


def demo_fixture(name: str) -> Any:
    """A module-scoped fixture running `python demos/<name>.py` for the tests of that module:
    `server = demo_fixture("classifier")`."""

    @pytest.fixture(scope="module")
    def server(key_dir: Path) -> Iterator[DemoProcess]:
        with demo_process(name, key_dir / f"{name}.key") as running:
            yield running

    return server


@contextlib.contextmanager
def in_process(script: Path) -> Iterator[SimpleNamespace]:
    """Run an app file in this process, in a fresh module namespace, with `launch()` forced not to
    block; yields the namespace (its globals) plus `url`. `demo.close()` at exit ends its sessions."""
    port = free_port()
    launched: list[tuple[gr.Blocks, str]] = []
    original = gr.Blocks.launch

    def launch(self: gr.Blocks, *args: Any, **kwargs: Any) -> Any:
        kwargs.update(prevent_thread_lock=True, server_port=port, quiet=True)
        result = original(self, *args, **kwargs)
        launched.append((self, result[1]))
        return result

    namespace: dict[str, Any] = {"__name__": f"browser_app_{script.stem}", "__file__": str(script)}
    gr.Blocks.launch = launch  # type: ignore[method-assign]
    try:
        exec(compile(script.read_text(), str(script), "exec"), namespace)
    finally:
        gr.Blocks.launch = original  # type: ignore[method-assign]
    assert launched, f"{script.name} did not call launch()"
    try:
        yield SimpleNamespace(**namespace, url=launched[-1][1])
    finally:
        for demo, _ in launched:
            demo.close()


@contextlib.contextmanager
def serve(demo: gr.Blocks, **launch_kwargs: Any) -> Iterator[str]:
    """Launch `demo` in this process on a free port (with more launch() arguments if given); yields its
    URL; closes it (ending sessions) after."""
    _, url, _ = demo.launch(prevent_thread_lock=True, server_port=free_port(), quiet=True, **launch_kwargs)
    try:
        yield url
    finally:
        demo.close()


# ---------------------------------------------------------------------------
# Pages


# Added to every page (conftest.py): what wait_idle and wait_connection look at.
PAGE_HOOKS = """
(() => {
  const sent = new Set(), done = new Set();
  document.addEventListener('blocks:event', (e) => sent.add(e.detail.seq));
  document.addEventListener('blocks:update', (e) => { if (e.detail.done) done.add(e.detail.seq); });
  window.__idle = () => [...sent].every((seq) => done.has(seq));
  window.__connection = [];
  document.addEventListener('blocks:connection', (e) => window.__connection.push(e.detail.state));
})();
"""


class Watched:
    """What a page said: console messages, uncaught errors and the sessions the server gave it."""

    def __init__(self, page: Page):
        self.page = page
        self.console: list[ConsoleMessage] = []
        self.page_errors: list[str] = []
        self.sessions: list[str] = []
        page.on("console", lambda message: self.console.append(message))
        page.on("pageerror", lambda err: self.page_errors.append(str(err)))
        page.on("websocket", self._socket)

    def _socket(self, ws: WebSocket) -> None:
        def frame(payload: str | bytes) -> None:
            with contextlib.suppress(ValueError):
                message = orjson.loads(payload)
                if isinstance(message, dict) and message.get("type") == "session" and not message.get("resumed"):
                    self.sessions.append(message["session_hash"])

        ws.on("framereceived", frame)

    def messages(self, kind: str) -> list[str]:
        """Console messages of one type ("error", "warning", ...), with where they came from."""
        return [f"{m.text} ({m.location.get('url')}:{m.location.get('lineNumber')})"
                for m in self.console if m.type == kind]

    @property
    def session_hash(self) -> str:
        """The page's current session (the last one the server started for it)."""
        assert self.sessions, "the page has no session yet"
        return self.sessions[-1]


def watch(page: Page) -> Watched:
    """Start recording a page; call before page.goto()."""
    return Watched(page)


def open_app(ctx: BrowserContext, url: str) -> tuple[Page, Watched]:
    """A new tab on `url`, returned once the app has rendered and its load event has finished."""
    page = ctx.new_page()
    watched = watch(page)
    page.goto(url)
    wait_ready(page)
    return page, watched


def open_wired(ctx: BrowserContext, url: str) -> tuple[Page, Watched, Cable]:
    """open_app, with the page's WebSocket running through a Cable."""
    page = ctx.new_page()
    cable = Cable(page)
    watched = watch(page)
    page.goto(url)
    wait_ready(page)
    return page, watched, cable


def wait_ready(page: Page) -> None:
    """Wait for `blocks:ready` (the page load's updates have arrived)."""
    page.wait_for_function("() => window.blocks !== undefined")
    page.evaluate("() => window.blocks.ready")


def wait_idle(page: Page) -> None:
    """Wait until every event the page sent has its final (done) update."""
    page.wait_for_function("() => window.__idle && window.__idle()")


def wait_connection(page: Page, state: str, count: int = 1) -> None:
    """Wait until the page has reported connection `state` (blocks:connection) `count` times."""
    page.wait_for_function("([state, count]) => window.__connection.filter((s) => s === state).length >= count",
                           arg=[state, count])


def eventually(check: Callable[[], bool], timeout: float = 5.0, what: str = "condition",
               page: Page | None = None) -> None:
    """Poll `check` (a look inside the server) until it holds; fail after `timeout` seconds.
    With `page`, wait through Playwright so that its events (frames, routes) keep flowing."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {timeout} s")
        if page is not None:
            page.wait_for_timeout(50)
        else:
            time.sleep(0.05)


# ---------------------------------------------------------------------------
# Network


class Cable:
    """The page's WebSocket, routed through Playwright to the real server so that a test can pull
    the plug (a network blip: both ends see the connection drop) and keep it out for a while."""

    def __init__(self, page: Page):
        self.plugged = True
        self.links: list[tuple[WebSocketRoute, WebSocketRoute]] = []
        self.refused = 0
        page.route_web_socket(re.compile(r"/ws(\?.*)?$"), self._route)

    def _route(self, route: WebSocketRoute) -> None:
        if not self.plugged:
            self.refused += 1
            route.close(code=4000, reason="unplugged")
            return
        self.links.append((route, route.connect_to_server()))

    def unplug(self) -> None:
        self.plugged = False
        links, self.links = self.links, []
        for page_side, server_side in links:
            server_side.close(code=4000, reason="network blip")
            page_side.close(code=4000, reason="network blip")

    def plug(self) -> None:
        self.plugged = True
