"""launch(): the printed URL, port choice, environment variables, Ctrl-C; and the wheel."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import venv
from pathlib import Path

import httpx
import pytest

import blocks as gr

from .conftest import Page

ROOT = Path(__file__).resolve().parents[2]


def _start(args: list[str], env: dict[str, str], python: str = sys.executable) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([python, *args], cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if "Running on local URL:" in line:
            return proc, line.split("URL:")[1].strip() + "/"
    raise AssertionError(f"no URL printed; exit code {proc.wait()}")


def _stop(proc: subprocess.Popen) -> None:
    proc.kill()
    proc.wait()
    if proc.stdout:
        proc.stdout.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_demo_prints_url_honours_env_port_and_stops_on_ctrl_c(tmp_path):
    port = _free_port()
    proc, url = _start(["demos/cart.py"], {"GRADIO_SERVER_PORT": str(port), "BLOCKS_KEY_FILE": str(tmp_path / "k")})
    try:
        assert url == f"http://127.0.0.1:{port}/"
        assert httpx.get(url).status_code == 200
        page = Page(url)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0
        assert proc.stdout is not None
        assert "SIGINT: stopping the server and ending 1 session(s)" in proc.stdout.read()
        # The page is told before its socket closes (tests/server/test_shutdown.py has the rest).
        assert page.recv()["message"] == "This session has ended (shutdown). Reload the page to start again."
    finally:
        _stop(proc)


def test_busy_port_moves_to_the_next_free_one():
    with gr.Blocks() as first:
        gr.Textbox()
    with gr.Blocks() as second:
        gr.Textbox()
    _, url1, _ = first.launch(prevent_thread_lock=True, quiet=True)
    try:
        _, url2, _ = second.launch(prevent_thread_lock=True, quiet=True)
        try:
            assert int(url2.rsplit(":", 1)[1].strip("/")) > int(url1.rsplit(":", 1)[1].strip("/")) >= 7860
            assert httpx.get(url2).status_code == 200
        finally:
            second.close()
    finally:
        first.close()


def test_an_explicit_busy_port_is_an_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        with gr.Blocks() as demo:
            gr.Textbox()
        with pytest.raises(gr.BlocksError, match="Pass another server_port= or set GRADIO_SERVER_PORT"):
            demo.launch(server_port=sock.getsockname()[1], prevent_thread_lock=True, quiet=True)


@pytest.mark.slow
def test_wheel_installs_in_a_clean_venv_and_serves_its_frontend(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("blocks-*.whl")
    venv.create(tmp_path / "venv", with_pip=True)
    python = str(tmp_path / "venv" / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    app = tmp_path / "app.py"
    app.write_text((ROOT / "demos" / "cart.py").read_text())
    proc = subprocess.Popen([python, str(app)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env={**os.environ, "GRADIO_SERVER_PORT": str(_free_port()),
                                            "PYTHONPATH": "", "BLOCKS_KEY_FILE": str(tmp_path / "k")})
    try:
        assert proc.stdout is not None
        url = next(line for line in proc.stdout if "Running on local URL:" in line).split("URL:")[1].strip()
        config = httpx.get(url + "/config").json()
        script = httpx.get(f"{url}/assets/{config['version']}/index.js")
        assert script.status_code == 200 and "WebSocket" in script.text
        assert httpx.get(f"{url}/assets/{config['version']}/components/checkboxgroup.js").status_code == 200
    finally:
        _stop(proc)
    # gradio.media's samples ship in the wheel
    shown = subprocess.run([python, "-c", "import blocks as gr; print(gr.get_video('a.mp4'), gr.get_image())"],
                           cwd=tmp_path, check=True, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": ""})
    video, image = shown.stdout.split()
    assert "site-packages" in video and Path(video).stat().st_size > 1000 and Path(image).is_file()


def test_launch_sets_server_name_and_port_as_gradio_does():
    with gr.Blocks() as demo:
        gr.Textbox()
    assert (demo.server_name, demo.server_port) == (None, None)
    port = _free_port()
    demo.launch(prevent_thread_lock=True, server_port=port, quiet=True)
    try:
        assert (demo.server_name, demo.server_port) == ("127.0.0.1", port)
        assert httpx.get(f"http://127.0.0.1:{demo.server_port}/config").status_code == 200
    finally:
        demo.close()


def test_close_all_stops_every_launched_demo_and_runs_their_unload():
    unloaded = []
    demos = []
    for name in ("first", "second"):
        with gr.Blocks() as demo:
            gr.Textbox()
            demo.unload(lambda name=name: unloaded.append(name))
        demos.append(demo)
    urls = [demo.launch(prevent_thread_lock=True, quiet=True)[1] for demo in demos]
    try:
        pages = [Page(url) for url in urls]  # one open page each: its session ends, its unload runs
        assert all(page.session_hash for page in pages)
        gr.close_all()
        assert sorted(unloaded) == ["first", "second"]
        for url in urls:
            with pytest.raises(httpx.ConnectError):
                httpx.get(url, timeout=2)
    finally:
        for demo in demos:
            demo.close()


def test_gradio_launch_arguments_that_change_nothing_say_so(caplog: pytest.LogCaptureFixture):
    with gr.Blocks() as demo:
        gr.Textbox()
    with caplog.at_level("WARNING", logger="blocks"):
        _, url, _ = demo.launch(prevent_thread_lock=True, quiet=True, favicon_path="icon.png", debug=False,
                                max_threads=40, mcp_server=True, share=True)
    try:
        assert httpx.get(url).status_code == 200  # share=True: served here, as Gradio is when offline
        warned = [r.getMessage() for r in caplog.records if "not supported by blocks" in r.getMessage()]
        assert warned == ["launch(favicon_path='icon.png') is accepted but not supported by blocks: the page has "
                          "no favicon.",  # debug=False is the default; max_threads is honoured
                          "launch(mcp_server=True) is accepted but not supported by blocks: MCP server not "
                          "supported yet; the app is served without one.",
                          "launch(share=True) is accepted but not supported by blocks: share links are not "
                          "supported; the app is served on your own host and port only."]
    finally:
        demo.close()
