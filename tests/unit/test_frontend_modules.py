"""Runs the frontend's pure-function tests (tests/frontend, node's test runner) and pairs renderers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import blocks as gr
from blocks.component import Component

ROOT = Path(__file__).resolve().parents[2]


def test_frontend_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for tests/frontend; install nodejs (.ci/run does)")
    result = subprocess.run([node, "--test", "tests/frontend/"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _all_component_classes() -> list[type[Component]]:
    found, todo = [], [Component]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        found.append(cls)
    return found


def test_every_component_has_its_renderer_and_every_renderer_its_component():
    renderers = {c.renderer for c in _all_component_classes() if c.renderer}
    files = {p.stem for p in (ROOT / "frontend" / "components").glob("*.js")}
    assert renderers == files
    assert gr.State.renderer is None  # server-only: nothing to render
