"""What the rest of the core needs of a Blocks: its blocks by id, its dependencies, adding and
removing blocks. `app.Blocks` implements it; modules below app depend on this interface instead
of importing app (no upward edges, not even for types).

The server is attached the same way: the package's composition root (`blocks/__init__.py`)
registers how to load it, so `Blocks.app` and `Blocks.launch` never import `server/`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, Protocol


class Tree(Protocol):
    """A Blocks as the core sees it."""

    id: int | None
    title: str
    blocks_by_id: dict[int, Any]  # id -> Block
    dependencies: list[Any]  # Dependency, in the order they were attached
    default_concurrency_limit: int | None
    max_queue_size: int | None
    status_update_rate: float
    state_ttl: float
    sweep_every: float
    load: Any  # the Blocks' load trigger (demo.load)

    def add(self, block: Any, parent: Any) -> None:
        """Put `block` in the tree under `parent` (a layout or the Blocks)."""

    def remove(self, block: Any) -> None:
        """Take `block` and its children out of the tree."""

    def add_dependency(self, dependency: Any) -> int:
        """Register a listener; returns its id."""

    def components(self) -> list[Any]:
        """Every Component in the tree."""

    def interactive(self, component: Any) -> bool:
        """Whether the page lets the user edit `component`."""


class Serving(Protocol):
    """What the server side offers a Blocks (blocks/launch.py)."""

    def create_app(self, blocks: Any, **options: Any) -> Any: ...

    def launch(self, blocks: Any, *args: Any, **kwargs: Any) -> Any: ...

    def mount_gradio_app(self, app: Any, blocks: Any, path: str, *args: Any, **kwargs: Any) -> Any: ...


_loader: Callable[[], Serving] | None = None


def attach_server(loader: Callable[[], Serving]) -> None:
    """Register how to load the server side (called once by blocks/__init__.py)."""
    global _loader
    _loader = loader


def server() -> Serving:
    """The attached server side, loaded on first use."""
    if _loader is None:
        raise RuntimeError("no server is attached to blocks; import blocks (the package) rather than blocks.app")
    return _loader()


# Every Blocks launched in this process and not closed yet (gr.close_all closes them).
launched: weakref.WeakSet[Any] = weakref.WeakSet()


def close_all() -> None:
    """Close every Blocks this process launched (Gradio's gr.close_all): their sessions end, unload runs."""
    for blocks in list(launched):
        blocks.close()
