"""demos/visitor_counter.py: a module-level counter is global state, shared by every user."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from .support import demo_process, open_app

pytestmark = pytest.mark.browser


def test_every_page_load_counts_one_visitor_for_all_users(
        new_context: Callable[[], BrowserContext], key_dir: Path) -> None:
    with demo_process("visitor_counter", key_dir / "visitor.key") as server:
        first, _ = open_app(new_context(), server.url)
        expect(first.get_by_label("Total Visitors")).to_have_value("1")

        second, _ = open_app(new_context(), server.url)  # another user
        expect(second.get_by_label("Total Visitors")).to_have_value("2")
        expect(first.get_by_label("Total Visitors")).to_have_value("1")  # a page shows its own load's count

        first.reload()
        expect(first.get_by_label("Total Visitors")).to_have_value("3")
