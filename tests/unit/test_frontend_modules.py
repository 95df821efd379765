"""Runs the frontend's pure-function tests (tests/frontend, node's test runner) and pairs renderers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import blocks as gr
from blocks.component import BUILTIN_RENDERERS, Block

ROOT = Path(__file__).resolve().parents[2]


def test_frontend_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for tests/frontend; install nodejs (.ci/run does)")
    result = subprocess.run([node, "--test", "tests/frontend/"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _all_block_classes() -> list[type[Block]]:
    found, todo = [], [Block]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        found.append(cls)
    return found


def test_every_block_has_its_renderer_and_every_renderer_its_block():
    """Components and layouts with a renderer module (Tabs, Accordion, Sidebar) have their file;
    Row, Column, Group and Tab are built into index.js and have none."""
    renderers = {c.renderer for c in _all_block_classes() if c.renderer}
    files = {p.stem for p in (ROOT / "frontend" / "components").glob("*.js")}
    assert renderers - BUILTIN_RENDERERS == files
    assert {"tabs", "accordion", "sidebar"} <= files and not BUILTIN_RENDERERS & files
    assert gr.State.renderer is None  # server-only: nothing to render
