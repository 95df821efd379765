"""Layouts: Row, Column and Group arrange the components created inside them."""

from __future__ import annotations

from typing import Any

from . import context
from .component import Block


class BlockContext(Block):
    """A Block that holds children; used as a `with` statement."""

    def __init__(self, **kwargs: Any):
        self.children: list[Block] = []
        super().__init__(**kwargs)

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
    prop_names = Block.prop_names + ("variant", "equal_height", "height")
    ignored_args = frozenset({"show_progress", "max_height", "min_height"})

    def __init__(
        self,
        *,
        variant: str = "default",
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        equal_height: bool = False,
        height: int | str | None = None,
        key: Any = None,
        scale: int | None = None,
    ):
        self.variant = variant
        self.equal_height = equal_height
        self.height = height
        self.scale = scale
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Column(BlockContext):
    """Children stacked vertically; inside a Row, `scale` sets the share of width."""

    renderer = "column"
    prop_names = Block.prop_names + ("variant", "scale", "min_width")
    ignored_args = frozenset({"show_progress"})

    def __init__(
        self,
        scale: int = 1,
        min_width: int = 320,
        *,
        variant: str = "default",
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
    ):
        self.scale = scale
        self.min_width = min_width
        self.variant = variant
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Group(BlockContext):
    """Children drawn as one block, without gaps between them."""

    renderer = "group"

    def __init__(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
    ):
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)
