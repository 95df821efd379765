"""gr.render: a function that builds components and listeners for each session, re-run on its triggers.

`@gr.render` leaves a placeholder (Render) where it is declared and one listener (its triggers: load
and the inputs' .change by default). Each run builds a RenderTree for that session in a build context
of its own; its components and listeners get ids from a range of their own (no clash with the static
tree nor another session's), `key=` keeps a component's (or a listener's) id, and so its DOM
element, across runs. A run only builds (in a worker thread for a sync function); the dispatcher
adopts the new tree on the loop (render_tables.py: its listeners join the session's event path,
the last run's stop) and the page gets a "render" frame to mount it in the placeholder. A
@gr.render inside a run is part of that run's tree: its first run follows as a listener of load,
its placeholder keeps its id across outer runs. A session's trees go when it ends.
"""

from __future__ import annotations

import contextvars
import itertools
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import context
from .component import Block, Component
from .errors import BlocksError
from .events import Trigger, _as_list, listen
from .layout import BlockContext

if TYPE_CHECKING:
    from .app import Blocks
    from .events import Dependency

# The dispatcher running a listener, its session and where its render runs go (set by dispatch.run).
running: contextvars.ContextVar[tuple[Any, str, list[Any]] | None] = contextvars.ContextVar(
    "blocks_render_running", default=None)

RENDER_ID_BASE = 100_000_000  # rendered ids start here: far above any static tree's (page ids have < 10 digits)
_ids = itertools.count(RENDER_ID_BASE)  # shared by every tree, so sessions never share an id
_warned: set[str] = set()
log = logging.getLogger("blocks")


class RenderTree(BlockContext):
    """What one render built for one session; quacks like Blocks while it is being built."""

    renderer = "column"

    def setup(self) -> None:
        super().setup()
        self.root: Blocks | None = None
        self.blocks_by_id: dict[int, Block] = {}
        self.dependencies: list[Dependency] = []
        self.keyed: dict[Any, int] = {}  # key= -> id, kept across runs
        self.nested_count = 0  # @gr.render declared in this run so far (a nested one's key)

    @property
    def load(self) -> Any:
        return self.root.load  # type: ignore[union-attr]

    def add(self, block: Block, parent: BlockContext) -> None:
        """A block created while the render function runs joins this tree, not the static one."""
        key = getattr(block, "key", None)
        block.id = self.keyed.get(key) if key is not None and key in self.keyed else next(_ids)
        if key is not None:
            self.keyed[key] = block.id  # type: ignore[assignment]
        block.blocks = self
        self.blocks_by_id[block.id] = block  # type: ignore[index]
        parent.children.append(block)

    def nested_key(self) -> tuple[str, int]:
        """A @gr.render declared in this run: its placeholder keeps its id across runs, by order."""
        self.nested_count += 1
        return ("gr.render", self.nested_count)

    def add_dependency(self, dependency: "Dependency") -> int:
        """A rendered listener's id: kept across runs with key=, as a component's is."""
        self.dependencies.append(dependency)
        if isinstance(dependency.api_name, str) and dependency.where not in _warned:
            _warned.add(dependency.where)
            log.warning("%s: api_name=%r inside @gr.render gets no API endpoint (the API is made at launch, "
                        "as in Gradio); move the listener out of the render to call it from the API.",
                        dependency.where, dependency.api_name)
        if dependency.key is None:
            return next(_ids)
        dep_id = self.keyed.setdefault(("listener", dependency.key), next(_ids))
        return dep_id

    def build(self, root: "Blocks", fn: Callable[..., Any], *args: Any) -> dict[str, Any]:
        """Run `fn(*args)` with this tree as the place new blocks go; drop what the last run built."""
        self.root = root
        last = self.children, self.blocks_by_id, self.dependencies
        self.children, self.blocks_by_id, self.dependencies, self.nested_count = [], {}, [], 0
        token = context.open_root(self)  # type: ignore[arg-type]
        try:
            fn(*args)
        except BaseException:
            self.children, self.blocks_by_id, self.dependencies = last  # a failed run keeps the last tree
            raise
        finally:
            context.close_root(token)
        return self.config()

    def interactive(self, component: Component) -> bool:
        if component.interactive is not None:  # type: ignore[attr-defined]
            return bool(component.interactive)  # type: ignore[attr-defined]
        deps = self.dependencies + (self.root.dependencies if self.root else [])
        return any(component in d.inputs for d in deps) or not any(component in d.outputs for d in deps)

    def _layout(self, block: BlockContext) -> list[dict[str, Any]]:
        return [{"id": c.id, **({"children": self._layout(c)} if isinstance(c, BlockContext) and (
                    c.children or not isinstance(c, Component)) else {})}
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


class Render(BlockContext):
    """Where a @gr.render was declared: the page mounts each run's tree inside it. Declared inside
    another render's run, it is part of that run's tree (one per session, its id kept across the
    outer runs); its first run follows the outer run, as a listener of load."""

    renderer = "column"

    def setup(self) -> None:
        super().setup()
        self.fn: Callable[..., Any] | None = None
        self.trees: dict[str, RenderTree] = {}  # session id -> what the last run built for it

    def run(self, *values: Any) -> None:
        """The render's listener, in a worker thread when `fn` is sync: build a new tree for this
        session and hand it to the dispatcher, which adopts it on the loop (render_tables.adopt_built):
        nothing shared with other sessions or the loop is touched here."""
        current = running.get()
        if current is None or self.fn is None:
            return
        _, session_id, sink = current
        last = self.trees.get(session_id)
        tree = RenderTree(render=False)
        if last is not None:
            tree.keyed = dict(last.keyed)
        root = self.blocks.root if isinstance(self.blocks, RenderTree) else self.blocks
        config = tree.build(root, self.fn, *values)  # type: ignore[arg-type]
        sink.append(Built(self, tree, config))


class Built:
    """One render run's result, built off the loop, waiting to be adopted on it."""

    __slots__ = ("place", "tree", "config")

    def __init__(self, place: Render, tree: RenderTree, config: dict[str, Any]):
        self.place, self.tree, self.config = place, tree, config


def render(inputs: Any = None, triggers: Trigger | Sequence[Trigger] | None = None, *, queue: bool = True,
           trigger_mode: str | None = "always_last", concurrency_limit: int | None | str = None,
           concurrency_id: str | None = None, show_progress: str = "full") -> Callable[[Callable], Callable]:
    """Re-run the decorated function for each session at load and whenever its triggers fire (by
    default the .change of each input); the components and listeners it builds replace those of its
    last run, where the decorator was used."""
    def decorate(fn: Callable) -> Callable:
        root = context.current_blocks()
        if root is None:
            raise BlocksError("@gr.render: use it inside 'with gr.Blocks() as demo:'.")
        place = Render(key=root.nested_key()) if isinstance(root, RenderTree) else Render()
        place.fn = fn
        found = _as_list(inputs, "inputs", "@gr.render")
        if triggers is None:
            events = [root.load] + [Trigger(c, "change") for c in found if "change" in c.events]
        else:
            events = [triggers] if isinstance(triggers, Trigger) else list(triggers)
        if not isinstance(root, RenderTree):  # nested ones go with the tree of the run that declared them
            if not hasattr(root, "renders"):
                root.renders = []  # type: ignore[attr-defined]
            root.renders.append(place)  # type: ignore[attr-defined]
        def run(*values: Any) -> None:  # named as the user's function in logs and error messages
            place.run(*values)

        run.__name__ = run.__qualname__ = getattr(fn, "__name__", "render")
        dep = listen(events, run, found, [], {
            "queue": queue, "trigger_mode": trigger_mode, "api_name": False, "concurrency_limit": concurrency_limit,
            "concurrency_id": concurrency_id, "show_progress": show_progress})
        dep.show_progress_on = [place]  # the page marks the placeholder while it re-renders
        return fn
    return decorate
