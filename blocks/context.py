"""The Blocks and the layout currently being built by `with` statements."""

from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .tree import Tree


# A contextvar, not a global: the server's threads start with an empty context,
# so components created inside callbacks (as updates) never join a tree.
_building: contextvars.ContextVar[tuple[Any, list[Any]] | None] = contextvars.ContextVar(
    "blocks_building", default=None
)


def current_blocks() -> "Tree | None":
    """The Blocks being built, or None outside any `with gr.Blocks()`."""
    frame = _building.get()
    return frame[0] if frame else None


def current_parent() -> Any:
    """The innermost open layout (Row, Column, Group or the Blocks itself)."""
    frame = _building.get()
    return frame[1][-1] if frame else None


def open_root(blocks: "Tree") -> contextvars.Token:
    """Start building `blocks`: new components join its tree."""
    return _building.set((blocks, [blocks]))


def close_root(token: contextvars.Token) -> None:
    """Stop building the Blocks opened with `open_root`."""
    _building.reset(token)


def open_layout(layout: Any) -> None:
    """Make `layout` the parent of components created until `close_layout`."""
    frame = _building.get()
    if frame is not None:
        frame[1].append(layout)


def close_layout(layout: Any) -> None:
    """Close `layout`, returning to its parent."""
    frame = _building.get()
    if frame and frame[1] and frame[1][-1] is layout:
        frame[1].pop()
