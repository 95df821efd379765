"""gr.render's core: one run of a render function builds a session's own subtree.

Not wired to the event path or the page yet (see docs/architecture.md): `RenderTree.build` runs a
render function in an isolated build context and returns what the page would need to mount it
(its layout and component configs) and the listeners it attached. Components get ids from a range
of their own, so they never clash with the static tree's nor with another session's; a component
given `key=` keeps its id (and so its DOM element) across runs of the same tree.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import context
from .component import Block, Component
from .layout import BlockContext

if TYPE_CHECKING:
    from .app import Blocks
    from .events import Dependency

RENDER_ID_BASE = 1 << 30  # rendered ids start here: far above any static tree's
_ids = itertools.count(RENDER_ID_BASE)  # shared by every tree, so sessions never share an id


class RenderTree(BlockContext):
    """What one render built for one session; quacks like Blocks while it is being built."""

    renderer = "column"

    def setup(self) -> None:
        super().setup()
        self.root: Blocks | None = None
        self.blocks_by_id: dict[int, Block] = {}
        self.dependencies: list[Dependency] = []
        self.keyed: dict[Any, int] = {}  # key= -> id, kept across runs

    @property
    def load(self) -> Any:
        return self.root.load  # type: ignore[union-attr]

    def add(self, block: Block, parent: BlockContext) -> None:
        """A block created while the render function runs joins this tree, not the static one."""
        key = getattr(block, "key", None)
        block.id = self.keyed.get(key) if key is not None and key in self.keyed else next(_ids)
        if key is not None:
            self.keyed[key] = block.id
        block.blocks = self
        self.blocks_by_id[block.id] = block
        parent.children.append(block)

    def add_dependency(self, dependency: "Dependency") -> int:
        self.dependencies.append(dependency)
        return next(_ids)

    def build(self, root: "Blocks", fn: Callable[..., Any], *args: Any) -> dict[str, Any]:
        """Run `fn(*args)` with this tree as the place new blocks go; drop what the last run built."""
        self.root = root
        self.children, self.blocks_by_id, self.dependencies = [], {}, []
        token = context.open_root(self)  # type: ignore[arg-type]
        try:
            fn(*args)
        finally:
            context.close_root(token)
        return self.config()

    def interactive(self, component: Component) -> bool:
        if component.interactive is not None:
            return bool(component.interactive)
        deps = self.dependencies + (self.root.dependencies if self.root else [])
        return any(component in d.inputs for d in deps) or not any(component in d.outputs for d in deps)

    def _layout(self, block: BlockContext) -> list[dict[str, Any]]:
        return [{"id": c.id, **({"children": self._layout(c)} if isinstance(c, BlockContext) else {})}
                for c in block.children if not getattr(c, "server_only", False)]

    def config(self) -> dict[str, Any]:
        """The subtree as the page config describes a tree."""
        components = {}
        for block in self.blocks_by_id.values():
            if getattr(block, "server_only", False):
                continue
            props = block.props()
            if isinstance(block, Component):
                props["interactive"] = self.interactive(block)
                props["value"] = block.initial_value()
            components[str(block.id)] = {"renderer": block.renderer, "props": props}
        return {"layout": self._layout(self), "components": components,
                "dependencies": [d.config() for d in self.dependencies]}
