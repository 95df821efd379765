"""A session's gr.render runs joining the event path: adopted on the loop, one session's apart.

A render run (render.Render.run, a worker thread's work when the function is sync) only builds a
RenderTree; the dispatcher adopts it here, on the event loop, once the run is over, so the tables
the loop reads are never written from a thread. What adopting a tree changes:
  dispatcher.rendered[session][(id, event)]  the session's rendered listeners: another session's
                                             never run for it, even on a static trigger (a load)
  dispatcher.render_owners[id]               which session a rendered component belongs to
  dispatcher.on_page / interactive, blocks_by_id   (rendered ids never repeat across sessions)
  queue groups                               rendered listeners join concurrency groups (queue.py)
A render declared inside another's run (nested) is a block of that run's tree; its own tree goes
with the outer one's, or is handed to the outer run's new placeholder of the same id.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from .component import Block, Component
from .errors import ProtocolError
from .render import Built, Render, RenderTree
from .request import EventData

if TYPE_CHECKING:
    from .events import Dependency


async def adopt_runs(dispatcher: Any, session_id: str, built: list[Built],
                     queue: deque[tuple["Dependency", EventData]]) -> list[dict[str, Any]]:
    """After a listener ran (dispatch.run), on the loop: the render runs' trees become the
    session's, their components' values start in the store and their load listeners (nested
    renders) are queued to run next. A session that ended while its render ran adopts nothing."""
    values = await dispatcher.store.load(session_id) if built else None
    if values is None:
        return []
    frames = []
    for run in built:
        frame, loads = adopt_built(dispatcher, session_id, run, values)
        frames.append(frame)
        queue.extend((dep, EventData(dispatcher.blocks, "load")) for dep in loads)
    for frame in frames:
        await dispatcher.store.commit(session_id, frame.pop("initial"))
    return frames


def adopt_built(dispatcher: Any, session_id: str, built: Built,
                values: dict[Any, Any]) -> tuple[dict[str, Any], list["Dependency"]]:
    """Make a run's tree the session's: its page frame (with the values the store starts from)
    and its listeners of load (a nested render's first run, a rendered demo.load) to run next.

    A component re-run with the same key= keeps its value if the user or a listener changed it
    (Gradio's preserved_by_key); unchanged, it takes the new run's value (the page's "reset")."""
    place, tree = built.place, built.tree
    last = place.trees.get(session_id)
    old_blocks = last.blocks_by_id if last is not None else {}
    swap(dispatcher, session_id, last, tree)
    place.trees[session_id] = tree

    def kept(block: Component) -> bool:
        old = old_blocks.get(block.id)  # type: ignore[arg-type]
        return (isinstance(old, Component) and "value" in _preserved(block)
                and values.get(block.id, _UNSET) != old.initial_value())

    initial = {b.id: b.initial_value() for b in tree.blocks_by_id.values() if isinstance(b, Component) and not kept(b)}
    reset = [cid for cid in initial if cid in old_blocks]
    loads = [d for d in tree.dependencies if any(t.event == "load" for t in d.triggers)]
    return {"id": place.id, **built.config, "reset": reset, "initial": initial}, loads


_UNSET = object()


def _preserved(block: Block) -> list[str]:
    kept = getattr(block, "preserved_by_key", ["value"])
    return [kept] if isinstance(kept, str) else list(kept or [])


def swap(dispatcher: Any, session_id: str, last: RenderTree | None, tree: RenderTree | None) -> None:
    """The last run's listeners stop and its components go; the new tree's join the event path."""
    table = dispatcher.rendered.setdefault(session_id, {})
    old_blocks = last.blocks_by_id if last is not None else {}
    for dep in last.dependencies if last is not None else []:
        for trigger in dep.triggers:
            listeners = table.get((trigger.block.id, trigger.event), [])
            if dep in listeners:
                listeners.remove(dep)
        dispatcher.queue.drop(dep)
    new = tree.blocks_by_id if tree is not None else {}
    for cid, block in old_blocks.items():
        if isinstance(block, Render):
            _hand_on(dispatcher, session_id, block, new.get(cid))
        if cid not in new:
            for ids in (dispatcher.on_page, dispatcher.interactive, dispatcher.blocks.blocks_by_id,
                        dispatcher.render_owners):
                ids.pop(cid, None)
    if tree is None:
        return
    for cid, block in new.items():
        dispatcher.blocks.blocks_by_id[cid] = block
        dispatcher.render_owners[cid] = session_id
        if isinstance(block, Component) and not block.server_only:
            dispatcher.on_page[cid] = block
            dispatcher.interactive[cid] = tree.interactive(block)
    for dep in tree.dependencies:
        dispatcher.queue.adopt(dep)
        for trigger in dep.triggers:
            table.setdefault((trigger.block.id, trigger.event), []).append(dep)


def _hand_on(dispatcher: Any, session_id: str, old: Render, new: Block | None) -> None:
    """A nested render's tree: to the new run's placeholder of the same id (its next run then
    replaces it and key= holds), or gone with its listeners when the outer run has no such render."""
    inner = old.trees.pop(session_id, None)
    if inner is None:
        return
    if isinstance(new, Render):
        new.trees[session_id] = inner
    else:
        swap(dispatcher, session_id, inner, None)


def check_owner(dispatcher: Any, session_id: str, target: int, values: Any) -> None:
    """A page may touch only its own rendered components."""
    table = dispatcher.render_owners
    keys = [target, *(int(k) for k in values if isinstance(k, str) and k.isdigit())] if isinstance(
        values, dict) else [target]
    for cid in keys:
        if table.get(cid, session_id) != session_id:
            raise ProtocolError(f"component {cid} does not exist or does not accept input.")


def forget(dispatcher: Any, session_id: str) -> None:
    """A session ended: its rendered trees (nested ones included) and their listeners go."""
    for place in getattr(dispatcher.blocks, "renders", []):
        tree = place.trees.pop(session_id, None)
        if tree is not None:
            swap(dispatcher, session_id, tree, None)
    dispatcher.rendered.pop(session_id, None)
