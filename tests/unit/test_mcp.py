"""gr.mcp decorators: the function is returned unchanged with its metadata; one warning per kind."""

from __future__ import annotations

import logging

import pytest

import blocks as gr
from blocks import mcp


def test_mcp_decorators_keep_the_function_and_warn_once(caplog: pytest.LogCaptureFixture, monkeypatch):
    monkeypatch.setattr(mcp, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="blocks"):
        @gr.mcp.tool(name="count")
        def count(word: str) -> int:
            return len(word)

        assert gr.mcp.tool()(len) is len
        gr.mcp.resource("ui://x", mime_type="text/html")(str)
    assert count("abc") == 3 and count._mcp["name"] == "count"
    assert [r.getMessage().split(" is ")[0] for r in caplog.records] == ["gr.mcp.tool()", "gr.mcp.resource()"]
