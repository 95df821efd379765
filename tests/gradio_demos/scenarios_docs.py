"""paramviewer_component: the parameters' rows, closed, then one opened to its default and description."""

from __future__ import annotations

from typing import Any


def open_row(page: Any, signature: str) -> None:
    page.locator("summary", has_text=signature).first.click()


ACTIONS = {"open_row": open_row}
LOOKS: dict[str, Any] = {}

SCENARIOS: dict[str, list[tuple[Any, ...]]] = {
    "paramviewer_component": [("look", "text", "Parameters"), ("look", "text", "number: int | float"),
                              ("look", "text", "ndigits: int"), ("look", "text", "The number of digits to round to"),
                              ("open_row", "ndigits: int"), ("look", "text", "The number of digits to round to"),
                              ("look", "text", "default")],
}
