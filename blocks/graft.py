"""Moving one Blocks' tree into another: what TabbedInterface, an Interface made inside `with gr.Blocks()`
and `some_blocks.render()` there do.

The moved components and layouts get ids of the new tree, the listeners join its list (their triggers,
inputs and outputs are the same objects), and the source's load/unload listeners fire on the new page.
The source is left empty: serve the Blocks it was moved into.
"""

from __future__ import annotations

from typing import Any

from .component import Block
from .container import BlockContext

Blocks = Any  # a gr.Blocks (not imported: app.py imports this module)


def graft(source: Blocks, target: Blocks, parent: BlockContext) -> None:
    """Move everything `source` holds under `parent` of `target` (ids and listeners renumbered)."""
    def move(block: Block, into: BlockContext) -> None:
        block.blocks = None
        target.add(block, into)
        if isinstance(block, BlockContext):
            for child in list(block.children):
                block.children.remove(child)
                move(child, block)

    for child in list(source.children):
        move(child, parent)
    source.children.clear()
    for dependency in source.dependencies:
        dependency.blocks = target
        dependency.triggers = [_retarget(t, source, target) for t in dependency.triggers]
        dependency.id = target.add_dependency(dependency)
    target.startup_jobs += source.startup_jobs
    source.dependencies, source.startup_jobs = [], []
    source.blocks_by_id = {source.id: source}  # type: ignore[dict-item]
    source._config = None


def _retarget(trigger: Any, source: Blocks, target: Blocks) -> Any:
    if trigger.block is source:  # demo.load / demo.unload: now the new page's
        trigger.block = target
    return trigger


__all__ = ["graft"]
