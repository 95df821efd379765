"""Shutdown: real SIGINT and SIGTERM to a real `python app.py` with open pages end every session once."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed

import blocks as gr

from .conftest import Page
from .pythons import find_python, venv_with_blocks

PAGES = 5
VERSIONS = ["3.10", "3.11", "3.12", "3.13"]
# Each session notes its unload and its State's delete_callback in the file SHUTDOWN_LOG names.
APP = textwrap.dedent('''
    import os
    import time
    from pathlib import Path

    import blocks as gr

    LOG = Path(os.environ["SHUTDOWN_LOG"])


    def note(line):
        with LOG.open("a") as log:
            log.write(line + "\\n")


    def start(request: gr.Request):
        return request.session_hash, [request.session_hash]


    def goodbye(request: gr.Request):
        note("unload " + request.session_hash)
        hold = os.environ.get("HOLD_UNLOAD")  # a path: wait until the test creates it
        deadline = time.monotonic() + 30
        while hold and not Path(hold).exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        if os.environ.get("HANG_UNLOAD"):
            time.sleep(1000)


    with gr.Blocks() as demo:
        name = gr.Textbox(label="Session")
        cart = gr.State([], delete_callback=lambda items: note("deleted " + items[0]))
        demo.load(start, None, [name, cart])
        demo.unload(goodbye)

    demo.launch()
''')


def until(condition: Callable[[], Any], timeout: float = 20, what: str = "the condition") -> Any:
    """Poll `condition` until it is truthy; its value."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {what}")
        time.sleep(0.02)
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def sigint_not_ignored() -> Iterator[None]:
    """A child started in here does not inherit an ignored SIGINT (a shell's `make test &` ignores it)."""
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


class App:
    """`python app.py` in a subprocess: its output as it comes, its URL, the callbacks it noted."""

    def __init__(self, python: str, workdir: Path, env: dict[str, str] | None = None):
        (workdir / "app.py").write_text(APP)
        self.notes_file = workdir / "notes.txt"
        self.port = free_port()
        env = {**os.environ, "GRADIO_SERVER_PORT": str(self.port), "SHUTDOWN_LOG": str(self.notes_file),
               "BLOCKS_KEY_FILE": str(workdir / "key"), **(env or {})}
        if python != sys.executable:  # another Python's venv: nothing of this one's path
            env["PYTHONPATH"] = ""
        with sigint_not_ignored():
            self.proc = subprocess.Popen([python, "app.py"], cwd=workdir, env=env, text=True,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.output: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        line = self.wait_for("Running on local URL:", timeout=60)
        self.url = line.split("URL:")[1].strip() + "/"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.output.append(line)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        """The first output line containing `text`; fails at once if the process ends without it."""
        def line() -> str | None:
            return next((line for line in self.output if text in line), None)

        def found() -> str | None:
            if line() is None and self.proc.poll() is not None:
                self.reader.join(timeout=5)  # it has the last of the output
                if line() is None:
                    raise AssertionError(f"exited ({self.proc.returncode}) without printing {text!r}:\n{self.log()}")
            return line()

        return until(found, timeout, f"{text!r} in the output")

    def notes(self, kind: str) -> list[str]:
        """Session ids noted by `kind` ("unload" or "deleted") callbacks, one per call."""
        lines = self.notes_file.read_text().splitlines() if self.notes_file.exists() else []
        return sorted(line.split()[1] for line in lines if line.split()[0] == kind)

    def log(self) -> str:
        return "".join(self.output)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.reader.join(timeout=5)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


@pytest.fixture
def run_app(tmp_path: Path) -> Iterator[Callable[..., App]]:
    """run_app(python=..., **env) starts the app; killed after the test if still running."""
    started: list[App] = []

    def start(python: str = sys.executable, workdir: Path = tmp_path, **env: str) -> App:
        started.append(App(python, workdir, env))
        return started[-1]

    yield start
    for app in started:
        app.kill()


def frames_until_closed(page: Page) -> list[dict[str, Any]]:
    """Every frame the page gets until its socket closes."""
    frames = []
    with contextlib.suppress(ConnectionClosed):
        while True:
            frames.append(page.recv(timeout=10))
    return frames


def refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def check_signal_ends_every_session(app: App, sig: signal.Signals, release: Path) -> None:
    """The app was started with HOLD_UNLOAD=release: while unload is held, the server is alive
    but refuses connections; once released every page is told, and each callback ran once."""
    pages = [Page(app.url) for _ in range(PAGES)]
    sessions = sorted(page.session_hash for page in pages)
    app.proc.send_signal(sig)
    until(lambda: app.notes("unload"), what="an unload to start")
    assert app.proc.poll() is None and refused(app.port)  # stopped accepting before unload ran
    release.touch()
    assert app.proc.wait(timeout=30) == 0, app.log()
    assert f"{sig.name}: stopping the server and ending {PAGES} session(s)" in app.log()
    for page in pages:
        frames = frames_until_closed(page)
        assert frames and frames[-1]["type"] == "expired" and "(shutdown)" in frames[-1]["message"], frames
    assert app.notes("unload") == sessions, app.log()
    assert app.notes("deleted") == sessions, app.log()
    assert refused(app.port)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_stop_signal_tells_every_page_and_runs_each_unload_and_delete_callback_once(run_app, tmp_path, sig):
    release = tmp_path / "release"
    check_signal_ends_every_session(run_app(HOLD_UNLOAD=str(release)), sig, release)


def test_a_hanging_unload_is_cut_off_by_the_shutdown_timeout(run_app):
    app = run_app(HANG_UNLOAD="1", BLOCKS_SHUTDOWN_TIMEOUT="1")
    page = Page(app.url)
    app.proc.send_signal(signal.SIGTERM)
    started = time.monotonic()
    until(lambda: app.notes("unload"), what="the unload to start")
    # The default timeout is 10 s: exiting well before shows BLOCKS_SHUTDOWN_TIMEOUT=1 was applied,
    # and that the thread stuck in time.sleep(1000) does not keep the process alive.
    assert app.proc.wait(timeout=10) == 0, app.log()
    assert time.monotonic() - started < 5, app.log()
    warning = app.wait_for("WARNING blocks: shutdown", timeout=1)
    assert "BLOCKS_SHUTDOWN_TIMEOUT" in warning and "unload" in warning, app.log()
    assert app.notes("unload") == [page.session_hash]


def test_a_second_ctrl_c_exits_at_once(run_app):
    app = run_app(HANG_UNLOAD="1")  # the default 10 s shutdown timeout
    Page(app.url)
    app.proc.send_signal(signal.SIGINT)
    app.wait_for("Press Ctrl-C again to exit now")
    until(lambda: app.notes("unload"), what="the unload to start")
    app.proc.send_signal(signal.SIGINT)
    # 3 s is well under the 10 s timeout: only the second signal can end the process this soon.
    assert app.proc.wait(timeout=3) == -signal.SIGINT
    app.wait_for("SIGINT again: exiting now", timeout=1)


def test_a_bad_shutdown_timeout_is_refused_at_launch(monkeypatch):
    monkeypatch.setenv("BLOCKS_SHUTDOWN_TIMEOUT", "soon")
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(gr.BlocksError, match=r"BLOCKS_SHUTDOWN_TIMEOUT='soon' is not a number of seconds; set it"):
        demo.launch(prevent_thread_lock=True, quiet=True)


# -- every supported Python -------------------------------------------------------------------


@pytest.fixture(scope="session")
def python_with_blocks() -> Callable[[str], str]:
    """python_with_blocks("3.12") -> an interpreter that imports this checkout; skips if not installed."""
    made: dict[str, str] = {}

    def get(version: str) -> str:
        python = find_python(version)
        if python is None:
            pytest.skip(f"Python {version} is not installed (looked in pyenv's versions and for python{version} "
                        f"on PATH)")
        if version not in made:
            made[version] = python if python == sys.executable else venv_with_blocks(python)
        return made[version]

    return get


@pytest.mark.slow
@pytest.mark.parametrize("version", VERSIONS)
def test_stop_signals_end_every_session_on_every_python(python_with_blocks, run_app, tmp_path, version):
    python = python_with_blocks(version)
    for sig in (signal.SIGINT, signal.SIGTERM):
        workdir = tmp_path / sig.name
        workdir.mkdir()
        release = workdir / "release"
        check_signal_ends_every_session(run_app(python, workdir, HOLD_UNLOAD=str(release)), sig, release)
