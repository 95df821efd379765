"""Layouts: Row, Column and Group arrange the components created inside them."""

from __future__ import annotations

from typing import Any

from . import context
from .component import Arg, Block

VARIANTS = ("default", "panel", "compact")


class BlockContext(Block):
    """A Block that holds children; used as a `with` statement."""

    def setup(self) -> None:
        self.children: list[Block] = []

    def __enter__(self) -> "BlockContext":
        context.open_layout(self)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        context.close_layout(self)


class Row(BlockContext):
    """Children side by side, wrapping on narrow screens.

    Args:
        variant: "default", "panel" or "compact".
        equal_height: stretch children to the tallest one.
    """

    renderer = "row"
    args = {"variant": Arg("default", one_of=VARIANTS), "equal_height": False, "height": None,
            "max_height": None, "min_height": None, "scale": Arg(None, prop=False),
            "show_progress": Arg(False, unhonoured="not supported yet: a Row shows no progress")}


class Column(BlockContext):
    """Children stacked vertically; inside a Row, `scale` sets the share of width."""

    renderer = "column"
    args = {"scale": 1, "min_width": 320, "variant": Arg("default", one_of=VARIANTS),
            "show_progress": Arg(False, unhonoured="not supported yet: a Column shows no progress")}
    positional = ("scale", "min_width")


class Group(BlockContext):
    """Children drawn as one block, without gaps between them."""

    renderer = "group"
