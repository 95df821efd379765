"""BlockContext: a Block that holds children, opened with `with` (the base of every layout and of Blocks)."""

from __future__ import annotations

from typing import Any

from . import context
from .component import Block


class BlockContext(Block):
    """A Block that holds children; used as a `with` statement."""

    def setup(self) -> None:
        self.children: list[Block] = []

    def __enter__(self) -> "BlockContext":
        context.open_layout(self)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        context.close_layout(self)
