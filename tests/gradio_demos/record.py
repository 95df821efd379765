"""Record what real Gradio shows for each scenario (scenarios.py) into expected.json.

    python tests/gradio_demos/record.py /path/to/gradio-venv/bin/python [demo ...]

Runs each demo of this folder with that Python (which must have gradio installed) and drives it in
Chromium with Playwright from this Python. Not part of the test suite: CI has no Gradio, it
replays the recorded answers against blocks (tests/browser/test_gradio_demos.py).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scenarios import SCENARIOS, observe, perform  # noqa: E402

SETTLE = 1.5  # seconds after an action before looking: Gradio's page has no idle signal
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def record(python: str, name: str, browser) -> list:
    port = _port()
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([python, str(HERE / "apps" / f"{name}.py")], env=env, cwd=HERE / "apps",
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in proc.stdout:
            if "Running on local URL" in line:
                break
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_timeout(3000)
        seen = []
        for step in SCENARIOS[name]:
            if step[0] == "look":
                seen.append(observe(page, step))
            else:
                perform(page, step)
                page.wait_for_timeout(SETTLE * 1000)
        page.close()
        return seen
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    python, names = sys.argv[1], sys.argv[2:] or sorted(SCENARIOS)
    path = HERE / "expected.json"
    expected = json.loads(path.read_text()) if path.exists() else {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name in names:
            started = time.monotonic()
            try:
                expected[name] = record(python, name, browser)
            except Exception as exc:  # noqa: BLE001 - report and go on with the next demo
                print(f"{name}: FAILED {exc}", flush=True)
                continue
            print(f"{name}: {expected[name]} ({time.monotonic() - started:.1f} s)", flush=True)
            path.write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
        browser.close()


if __name__ == "__main__":
    main()
