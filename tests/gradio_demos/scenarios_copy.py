"""copy_events: the Textbox's Copy button fires .copy with the text (gr.CopyData)."""

from __future__ import annotations

from typing import Any

ACTIONS: dict[str, Any] = {}
LOOKS: dict[str, Any] = {}

SCENARIOS: dict[str, list[tuple[Any, ...]]] = {
    "copy_events": [("look", "value", "Copied text"), ("click", "Copy"), ("look", "value", "Copied text")],
}
