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


def _look(page, step, wanted):
    deadline = time.monotonic() + LOOK_TIMEOUT
    while True:
        seen = observe(page, step)
        if seen == wanted or time.monotonic() > deadline:
            return seen
        page.wait_for_timeout(50)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_demo_shows_what_gradio_shows(name, context, tmp_path, key_dir):
    server = DemoProcess(_swapped(name, tmp_path), free_port(), key_dir / f"{name}.key", cwd=tmp_path).start()
    try:
        page = context.new_page()
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
            assert _look(page, step, wanted) == wanted, f"step {index} {step} of {name}"
    finally:
        server.stop()
