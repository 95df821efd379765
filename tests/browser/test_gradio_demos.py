"""Gradio's own demos (tests/gradio_demos, from Gradio's repository, Apache-2.0) run unchanged but
for the import, and show what Gradio shows for the same clicks.

What Gradio shows was recorded by driving each demo under real Gradio 6.31 in Chromium
(tests/gradio_demos/record.py, stored in expected.json); here each scenario is replayed against
blocks, looking until the page shows the recorded value (up to LOOK_TIMEOUT: an event here takes
milliseconds, so a value still wrong after that is wrong).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from .support import DemoProcess, free_port

DEMOS = Path(__file__).resolve().parents[1] / "gradio_demos"
sys.path.insert(0, str(DEMOS))
from scenarios import SCENARIOS, observe, perform  # noqa: E402
from scenarios_rest import LOGIN_FIRST  # noqa: E402 - demos that open on the login page

EXPECTED = json.loads((DEMOS / "expected.json").read_text())
LOOK_TIMEOUT = 5.0

pytestmark = pytest.mark.browser


def test_every_scenario_has_gradios_answers_and_there_are_at_least_25():
    assert sorted(EXPECTED) == sorted(SCENARIOS)
    assert len(SCENARIOS) >= 25


def _swapped(name: str, into: Path) -> Path:
    source = (DEMOS / "apps" / f"{name}.py").read_text()
    swapped = source.replace("import gradio as gr", "import blocks as gr")
    swapped = swapped.replace("import gradio\n", "import blocks as gradio\n")  # `gradio.Blocks()` style
    swapped = swapped.replace("from gradio.", "from blocks.").replace("from gradio import", "from blocks import")
    script = into / f"{name}.py"
    script.write_text(swapped)
    for asset in (DEMOS / "apps").iterdir():  # the demos' files (images, audio ...), where they look for them
        helper = asset.suffix == ".py" and asset.stem not in SCENARIOS  # e.g. data.py, imported by the demo
        if (asset.suffix != ".py" or helper) and asset.name != script.name and not asset.name.startswith((".", "__")):
            (into / asset.name).symlink_to(asset)
    return script


# What a failing look prints of the page's <audio>/<video>: src, readyState, duration, error, networkState.
MEDIA_STATE = """() => [...document.querySelectorAll('audio, video')].map((m) => [m.src.slice(-60), m.readyState,
  m.duration, m.error && m.error.message, m.networkState])"""


def _look(page, step, wanted):
    # A media file's metadata may take longer to load on a busy machine (CI): media looks wait more.
    deadline = time.monotonic() + (LOOK_TIMEOUT * 3 if step[1] == "media" else LOOK_TIMEOUT)
    while True:
        seen = observe(page, step)
        if seen == wanted or time.monotonic() > deadline:
            return seen
        page.wait_for_timeout(50)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_demo_shows_what_gradio_shows(name, context, tmp_path, key_dir):
    server = DemoProcess(_swapped(name, tmp_path), free_port(), key_dir / f"{name}.key", cwd=tmp_path).start()
    page = context.new_page()
    try:
        page.goto(server.url)
        if name not in LOGIN_FIRST:
            page.wait_for_function("() => window.blocks !== undefined")
            page.evaluate("() => window.blocks.ready")
        expected = iter(EXPECTED[name])
        for index, step in enumerate(SCENARIOS[name]):
            if step[0] != "look":
                perform(page, step)
                continue
            wanted = next(expected)
            seen = _look(page, step, wanted)
            assert seen == wanted, f"step {index} {step} of {name}; the page's media: {page.evaluate(MEDIA_STATE)}"
    finally:
        # Closed, not left open: the pages of 127.0.0.1 share a renderer process, whose media players
        # Chromium caps (video_identity_2 found no player left after a hundred demos' pages).
        page.close()
        server.stop()
