"""launch(): pick a port, run uvicorn in a thread, print the URL, stop cleanly on Ctrl-C and SIGTERM."""

from __future__ import annotations

import asyncio
import concurrent.futures
import errno
import logging
import os
import signal
import socket
import sys
import threading
import time
import webbrowser
from typing import TYPE_CHECKING, Any

import uvicorn

from . import themes, threads, tree
from .app import join_files
from .errors import BlocksError
from .server.app import Runtime, create_app
from .server.mount import mount
from .server.trust import uvicorn_options
from .session import DEFAULT_CAPACITY

if TYPE_CHECKING:
    from .app import Blocks

log = logging.getLogger("blocks")
FIRST_PORT = 7860
PORT_TRIES = 100
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)  # Ctrl-C; docker stop, systemd, Kubernetes
# Gradio launch() arguments accepted for compatibility that change nothing here: given, each logs
# one warning saying so (max_threads is honoured: threads.configure).
_IGNORED = {
    "debug": "launch() already blocks until Ctrl-C unless prevent_thread_lock=True",
    "favicon_path": "the page has no favicon", "ssl_verify": "blocks makes no outgoing requests",
    "app_kwargs": "the FastAPI app's settings are blocks' own",
    "enable_monitoring": "there is no monitoring dashboard", "node_server_name": "there is no server-side rendering",
    "node_port": "there is no server-side rendering", "ssr_mode": "there is no server-side rendering",
    "pwa": "the page is not a progressive web app",
    "footer_links": "the page has no footer", "show_api": "the page has no API panel (see /openapi.json)",
    "width": "there is no notebook output", "height": "there is no notebook output",
    "inline": "there is no notebook output", "favicon": "the page has no favicon",
    "strict_cors": "cross-site requests are always checked (see README, Security)",
    "mcp_server": "MCP server not supported yet; the app is served without one",
    # Gradio too serves locally when it cannot make a share link (no network): say so and go on.
    "share": "share links are not supported; the app is served on your own host and port only",
}
_HONOURED = frozenset({"max_threads"})
# Accepting these silently would change what the app does (an open app that asked for a login).
_REFUSED = {
    "auth_dependency": "authentication is not supported yet; serve the app behind a proxy that asks for a login",
}


def _bind(host: str, port: int | None) -> socket.socket:
    """A listening socket on `port`, or on the first free port from 7860 when none was asked for."""
    ports = [port] if port else range(FIRST_PORT, FIRST_PORT + PORT_TRIES)
    last_error: OSError | None = None
    for candidate in ports:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
            sock.listen(2048)
            sock.set_inheritable(True)
            return sock
        except OSError as exc:
            sock.close()
            last_error = exc
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                break
    where = f"port {port}" if port else f"ports {FIRST_PORT}-{FIRST_PORT + PORT_TRIES - 1}"
    raise BlocksError(f"Cannot listen on {host}, {where}: {last_error}. Pass another server_port= or set "
                      f"GRADIO_SERVER_PORT.")


class Server:
    """A uvicorn server in a background thread."""

    def __init__(self, app: Any, sock: socket.socket, ssl: dict[str, Any]):
        # No per-message deflate: frames are small, and zlib state costs memory on every socket.
        config = uvicorn.Config(app, log_level="warning", ws_max_size=1_000_000, lifespan="on",
                                ws_per_message_deflate=False, timeout_graceful_shutdown=5, **ssl, **uvicorn_options())
        self.uvicorn = uvicorn.Server(config)
        self.runtime: Runtime = app.state.runtime
        self.sock = sock
        self.thread = threading.Thread(target=self.uvicorn.run, kwargs={"sockets": [sock]},
                                       name="blocks-server", daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.uvicorn.started and self.thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not self.uvicorn.started:
            raise BlocksError("The server did not start; see the errors above.")

    def stop(self) -> None:
        """Stop accepting, end every session (pages are told, demo.unload runs), then stop uvicorn.

        The sessions end first: uvicorn's own shutdown closes the WebSockets before its lifespan
        shutdown runs, too late to tell the pages.
        """
        if threading.current_thread() is not self.thread:
            self._end_sessions()
        self.uvicorn.should_exit = True
        if threading.current_thread() is not self.thread:
            self.thread.join(timeout=15)
        self.sock.close()

    def _end_sessions(self) -> None:
        loop = self.runtime.loop
        if loop is None or loop.is_closed() or not self.thread.is_alive():
            return
        waited = self.runtime.shutdown_timeout + 5
        try:
            asyncio.run_coroutine_threadsafe(self._drain(), loop).result(timeout=waited)
        except concurrent.futures.TimeoutError:
            log.warning("shutdown: the server's event loop did not answer within %g s; an async listener may be "
                        "blocking it (await asyncio.sleep(), or make it a plain def: it then runs in a thread)",
                        waited)
        except Exception:  # noqa: BLE001 - stop the server anyway; the log says what broke
            log.exception("shutdown: ending the sessions failed")

    async def _drain(self) -> None:
        for listener in self.uvicorn.servers:  # stop accepting (closes the socket): a page opened now is refused
            listener.close()
        await self.runtime.shutdown()


def _logging(quiet: bool) -> None:
    log = logging.getLogger("blocks")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s blocks: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.WARNING if quiet else logging.INFO)


def _check_gradio_args(given: dict[str, Any], where: str = "launch") -> None:
    for name, why in _REFUSED.items():
        if given.get(name) not in (None, False):
            raise BlocksError(f"{where}({name}=...): {why}.")
    unknown = sorted(set(given) - set(_IGNORED) - _HONOURED - set(_REFUSED))
    if unknown:
        raise BlocksError(f"{where}() got an unknown argument '{unknown[0]}'. It accepts server_name, server_port, "
                          f"inbrowser, prevent_thread_lock, quiet, show_error, root_path, css, head, js, css_paths, "
                          f"head_paths, ssl_keyfile, allowed_paths, blocked_paths, max_file_size, "
                          f"ssl_certfile, ssl_keyfile_password, state_session_capacity, and Gradio's other "
                          f"arguments that change nothing here.")
    for name in sorted(set(given) & set(_IGNORED)):
        if given[name] not in (None, False):
            log.warning("%s(%s=%r) is accepted but not supported by blocks: %s.", where, name, given[name],
                        _IGNORED[name])


def _address(server_name: str | None, server_port: int | None) -> tuple[str, int | None]:
    """(host, port or None for "the first free one"), from the arguments or GRADIO_SERVER_*."""
    host = server_name or os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1"
    env_port = os.environ.get("GRADIO_SERVER_PORT")
    try:
        return host, server_port or (int(env_port) if env_port else None)
    except ValueError:
        raise BlocksError(f"GRADIO_SERVER_PORT={env_port!r} is not a port number.") from None


def launch(
    blocks: "Blocks",
    inbrowser: bool = False,
    *,
    server_name: str | None = None,
    server_port: int | None = None,
    prevent_thread_lock: bool = False,
    quiet: bool = False,
    show_error: bool = False,
    root_path: str | None = None,
    css: str | None = None,
    head: str | None = None,
    js: str | None = None,
    css_paths: Any = None,
    head_paths: Any = None,
    theme: Any = None,
    ssl_keyfile: str | None = None,
    ssl_certfile: str | None = None,
    ssl_keyfile_password: str | None = None,
    state_session_capacity: int = DEFAULT_CAPACITY,
    allowed_paths: Any = None,
    blocked_paths: Any = None,
    max_file_size: Any = None,
    auth: Any = None,
    auth_message: str | None = None,
    i18n: Any = None,
    **ignored: Any,
) -> tuple[Any, str, None]:
    """Serve `blocks` and print its URL. Blocks until Ctrl-C unless prevent_thread_lock=True.

    Host and port default to GRADIO_SERVER_NAME / GRADIO_SERVER_PORT, else 127.0.0.1 and the
    first free port from 7860. Returns (app, local_url, None) like Gradio.
    `state_session_capacity` caps the sessions kept: past it, the longest-closed ones are dropped.
    `allowed_paths` / `blocked_paths` / `max_file_size` ("5mb" or bytes): the file rules (README, Files).
    `auth`: a (username, password) pair, a list of them or a function(username, password) -> bool;
    a login page (`auth_message` shown on it) guards the app.
    """
    _logging(quiet)
    _check_gradio_args(ignored)
    if ignored.get("max_threads") is not None:
        threads.configure(ignored["max_threads"])
    _page_options(blocks, css, head, js, css_paths, head_paths, theme)
    blocks.file_rules.configure(allowed_paths, blocked_paths, max_file_size)
    blocks.auth, blocks.auth_message = auth, auth_message  # the server asks for a login (server/auth.py)
    if i18n is not None:
        blocks.i18n = i18n  # the page is translated (blocks/i18n.py)
    host, port = _address(server_name, server_port)
    if blocks._server is not None:
        blocks.close()
    # Before binding: its errors leave no socket open.
    blocks._app = create_app(blocks, show_error=show_error, state_session_capacity=state_session_capacity)
    sock = _bind(host, port)
    if root_path:
        blocks._app.root_path = root_path
    ssl = {k: v for k, v in {"ssl_keyfile": ssl_keyfile, "ssl_certfile": ssl_certfile,
                             "ssl_keyfile_password": ssl_keyfile_password}.items() if v}
    server = Server(blocks._app, sock, ssl)
    server.start()
    blocks._server = server
    tree.launched.add(blocks)
    shown_host = "localhost" if host in ("0.0.0.0", "::") else host
    url = f"{'https' if ssl else 'http'}://{shown_host}:{sock.getsockname()[1]}/"
    blocks.local_url = url
    blocks.server_name, blocks.server_port = host, sock.getsockname()[1]  # as Gradio's, once launched
    if not quiet:
        print(f"* Running on local URL: {url.rstrip('/')}", flush=True)
    if inbrowser:
        webbrowser.open(url)
    if not prevent_thread_lock:
        _block_until_interrupted(blocks, server)
    return blocks._app, url, None


def _page_options(blocks: "Blocks", css: str | None, head: str | None, js: str | None, css_paths: Any,
                  head_paths: Any, theme: Any) -> None:
    """Gradio 6 takes page CSS, <head> HTML, js and the theme in launch() (and mount_gradio_app)."""
    if css is not None or css_paths is not None:
        blocks.css = join_files("\n".join(p for p in (blocks.css, css) if p), css_paths)
    if head is not None or head_paths is not None:
        blocks.head = join_files("\n".join(p for p in (blocks.head, head) if p), head_paths)
    if js is not None:
        blocks.js, blocks._config = js, None
    if theme is not None:
        blocks.theme = themes.resolve(theme)


def mount_gradio_app(app: Any, blocks: "Blocks", path: str, server_name: str = "0.0.0.0", server_port: int = 7860,
                     footer_links: Any = None, run_history: Any = None, app_kwargs: Any = None, *,
                     root_path: str | None = None, show_error: bool = True, theme: Any = None,
                     css: str | None = None, css_paths: Any = None, js: str | None = None, head: str | None = None,
                     head_paths: Any = None, state_session_capacity: int = DEFAULT_CAPACITY,
                     allowed_paths: Any = None, blocked_paths: Any = None, max_file_size: Any = None,
                     **ignored: Any) -> Any:
    """Serve `blocks` at `path` of the FastAPI app `app` (Gradio's gr.mount_gradio_app); returns `app`.
    Run `app` with uvicorn as usual: the Blocks' sessions end, with their unload, when it stops."""
    _check_gradio_args({**ignored, "footer_links": footer_links, "app_kwargs": app_kwargs}, "mount_gradio_app")
    if run_history not in (None, False):
        log.warning("mount_gradio_app(run_history=%r) is accepted but not supported by blocks: there is no run "
                    "history panel.", run_history)
    _page_options(blocks, css, head, js, css_paths, head_paths, theme)
    blocks.file_rules.configure(allowed_paths, blocked_paths, max_file_size)
    blocks.server_name, blocks.server_port = server_name, server_port
    return mount(app, blocks, path, root_path=root_path, show_error=show_error,
                 state_session_capacity=state_session_capacity)


class StopSignals:
    """SIGINT and SIGTERM while launch() blocks: the first stops the server gracefully (sessions end,
    unload runs), a second one exits at once."""

    def __init__(self) -> None:
        self.received = threading.Event()
        self.name = ""
        self._previous: dict[int, Any] = {}

    def install(self) -> None:
        """Handle the stop signals (only possible in the main thread); an inherited "ignore" stays."""
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in STOP_SIGNALS:
            if signal.getsignal(sig) is not signal.SIG_IGN:
                self._previous[sig] = signal.signal(sig, self._handle)

    def restore(self) -> None:
        """Put back the handlers found by install()."""
        for sig, previous in self._previous.items():
            signal.signal(sig, signal.SIG_DFL if previous is None else previous)
        self._previous.clear()

    def _handle(self, signum: int, frame: Any) -> None:
        if self.received.is_set():
            _exit_now(signum)
        self.name = signal.Signals(signum).name
        self.received.set()  # the main thread does the work: a handler must return quickly


def _exit_now(signum: int) -> None:
    """A second stop signal: die by it now, as an unhandled one would (exit status 128 + signum)."""
    os.write(sys.stderr.fileno(), f"{signal.Signals(signum).name} again: exiting now; demo.unload and "
                                  f"delete callbacks still running are cut off.\n".encode())
    signal.signal(signum, signal.SIG_DFL)
    signal.raise_signal(signum)


def _block_until_interrupted(blocks: "Blocks", server: Server) -> None:
    signals = StopSignals()
    signals.install()
    try:
        # Not thread.join(): on Python 3.11 a KeyboardInterrupt inside join() leaves the thread
        # looking stopped, and the shutdown was skipped.
        while server.thread.is_alive() and not signals.received.wait(0.5):
            pass
        if signals.name:
            sessions = len(server.runtime.sessions.by_id)
            print(f"{signals.name}: stopping the server and ending {sessions} session(s), waiting at most "
                  f"{server.runtime.shutdown_timeout:g} s (BLOCKS_SHUTDOWN_TIMEOUT). Press Ctrl-C again "
                  f"to exit now.", flush=True)
    finally:
        blocks.close()
        signals.restore()
