"""Blocks: the tree of components, its listeners, and the config the page is built from."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import context, themes, tree
from .component import DROP, Arg, Block, Component
from .container import BlockContext
from .errors import BlocksError, DuplicateBlockError
from .events import EventListener, Trigger, listen
from .files import FileRules
from .graft import graft
from .pages import MAIN, Page, navbar_config, new_page
from .state import BrowserState
from .visibility import assign_api_names

if TYPE_CHECKING:
    from .events import Dependency

DEFAULT_STATE_TTL = 3600.0
log = logging.getLogger("blocks")


def state_lifetime(delete_cache: tuple[float, float] | None) -> tuple[float, float]:
    """(sweep every, keep for) seconds; BLOCKS_STATE_TTL overrides the age for a deployment."""
    frequency, age = delete_cache if delete_cache else (None, DEFAULT_STATE_TTL)
    env = os.environ.get("BLOCKS_STATE_TTL")
    if env:
        try:
            age = float(env)
        except ValueError:
            raise BlocksError(f"BLOCKS_STATE_TTL={env!r} is not a number of seconds.") from None
    return float(frequency or min(60.0, max(age / 4, 0.5))), float(age)


def default_limit(given: Any = "not_set") -> int | None:
    """demo.queue(default_concurrency_limit=), else GRADIO_DEFAULT_CONCURRENCY_LIMIT, else 1."""
    if given != "not_set":
        return _checked_limit(given, "default_concurrency_limit")
    env = os.environ.get("GRADIO_DEFAULT_CONCURRENCY_LIMIT")
    if env is None:
        return 1
    if env.strip().lower() == "none":
        return None
    try:
        return _checked_limit(int(env), "GRADIO_DEFAULT_CONCURRENCY_LIMIT")
    except ValueError:
        raise BlocksError(f"GRADIO_DEFAULT_CONCURRENCY_LIMIT={env!r} is not a whole number or 'None'.") from None


def _checked_limit(limit: Any, name: str) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise BlocksError(f"{name}={limit!r}: use a whole number of at least 1, or None for no limit.")
    return limit


class Blocks(BlockContext):
    """An app: `with gr.Blocks() as demo:` builds its tree; `demo.launch()` serves it.

    Args:
        title: the page title.
        delete_cache: (frequency, age) in seconds: every `frequency` seconds, the state of
            sessions closed more than `age` seconds ago is dropped. Default (60, 3600).
        css, head: extra CSS and HTML for the page's <head>; css_paths, head_paths: files read for them.
        js: the source of a JavaScript function the page runs once, when it has loaded.
        fill_height: the app fills the window's height (its last children stretch to fill it).
        fill_width: no maximum width: the app spans the whole window.
    """

    auth: Any = None  # launch(auth=...): the server asks for a login (server/auth.py)
    auth_message: str | None = None
    i18n: Any = None  # launch(i18n=gr.I18n(...)): the page's strings translated

    load = EventListener("load", "Attach a listener run when a page session starts.")
    ignored_args = frozenset({"analytics_enabled", "mode"})

    args = {"title": Arg("Blocks", prop=False), "css": Arg(None, prop=False), "head": Arg(None, prop=False),
            "js": Arg(None, prop=False), "css_paths": Arg(None, prop=False), "head_paths": Arg(None, prop=False),
            "delete_cache": Arg(None, prop=False), "fill_height": Arg(False, prop=False),
            "fill_width": Arg(False, prop=False), "theme": Arg(None, prop=False), "render": Arg(False, prop=False),
            "visible": DROP, "elem_id": DROP, "elem_classes": DROP, "key": DROP}
    positional = ("title",)
    title: str
    css: str | None
    head: str | None
    js: str | None
    theme: Any
    fill_height: bool
    fill_width: bool

    def setup(self) -> None:
        super().setup()
        self.fill_height, self.fill_width = bool(self.fill_height), bool(self.fill_width)
        self.css = join_files(self.css, self.css_paths)
        self.head = join_files(self.head, self.head_paths)
        self.theme = themes.resolve(self.theme)
        self.sweep_every, self.state_ttl = state_lifetime(self.delete_cache)
        self.file_rules = FileRules()  # launch(allowed_paths=, blocked_paths=, max_file_size=)
        self.blocks_by_id: dict[int, Block] = {}
        self.dependencies: list[Dependency] = []
        self._next_id = 0
        self.startup_jobs: list[Callable[[], None]] = []  # run once, when the app is first served
        self._token: Any = None
        self._config: dict[str, dict[str, Any]] | None = None  # each page's config, built on first use
        self.pages: list[Page] = [MAIN]  # demo.route() adds one; blocks built then join it (current_page)
        self.current_page = ""
        self._app: Any = None
        self._server: Any = None
        self.local_url: str | None = None
        self.server_name: str | None = None  # set by launch(), as Gradio's
        self.server_port: int | None = None
        self.default_concurrency_limit: int | None = default_limit()
        self.max_queue_size: int | None = None
        self.status_update_rate = 0.25  # seconds between queue-position updates to waiting pages
        self.id = self._claim_id()
        self.blocks = self
        self.blocks_by_id[self.id] = self

    # -- building the tree -------------------------------------------------
    def __enter__(self) -> "Blocks":
        if context.current_blocks() is not None:
            raise BlocksError("gr.Blocks() inside another gr.Blocks is not supported yet; use gr.Row, "
                              "gr.Column or gr.Group to arrange components.")
        self._token = context.open_root(self)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        context.close_root(self._token)
        self._token = None
        if exc_info[0] is None:
            self.validate()

    def route(self, name: str, path: str | None = None, show_in_navbar: bool = True) -> "Blocks":
        """Add a page, as Gradio's: `with demo.route("Settings"):` builds it, served at /settings (or at
        `path`), with its own components and listeners; `show_in_navbar=False` leaves it out of the navbar."""
        if context.current_blocks() is not None:
            raise BlocksError(f"demo.route({name!r}) inside a 'with gr.Blocks()' block: call it outside (unindent "
                              f"it), as 'with demo.route({name!r}):'.")
        page = new_page(self.pages, name, path, show_in_navbar)
        self.pages.append(page)
        self.current_page = page.path
        self._config = None
        return self

    def render(self) -> "Blocks":
        """Inside another `with gr.Blocks()`: move this app's components and listeners there, as Gradio's
        `demo.render()` shows one app inside another (this one is left empty)."""
        target, parent = context.current_blocks(), context.current_parent()
        if isinstance(target, Blocks) and target is not self and parent is not None:
            graft(self, target, parent)
        return self

    def clear(self) -> "Blocks":
        """Empty this app of its components and listeners, to build it again (as Gradio's, used as
        `with demo.clear():`). Not while it is served: its pages would lose what they show."""
        if self._server is not None:
            raise BlocksError("Blocks.clear(): this app is being served; close() it first, or build a new "
                              "gr.Blocks().")
        for child in list(self.children):
            self.remove(child)
        self.dependencies = []
        self._config = None
        return self

    def _claim_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def add(self, block: Block, parent: BlockContext) -> None:
        """Put `block` in the tree under `parent`."""
        if block.blocks is not None:
            raise DuplicateBlockError(f"{block.describe()} is already part of a Blocks; create a new "
                                      f"component instead of rendering one twice.")
        block.id = self._claim_id()
        block.blocks = self
        block.page = self.current_page
        self.blocks_by_id[block.id] = block
        parent.children.append(block)
        self._config = None

    def remove(self, block: Block) -> None:
        """Take `block` (and its children) out of the tree."""
        for child in list(getattr(block, "children", [])):
            self.remove(child)
        for candidate in self.blocks_by_id.values():
            if block in getattr(candidate, "children", []):
                candidate.children.remove(block)  # type: ignore[attr-defined]
        self.blocks_by_id.pop(block.id, None)  # type: ignore[arg-type]
        block.blocks, block.id = None, None
        self._config = None

    def add_dependency(self, dependency: "Dependency") -> int:
        """Register a listener; returns its id."""
        self.dependencies.append(dependency)
        dependency.page = self.current_page
        self._config = None
        return len(self.dependencies) - 1

    def unload(self, fn: Callable[..., Any]) -> Any:
        """Run `fn` once when a page session ends (tab closed or reloaded, or server shutdown)."""
        return listen([Trigger(self, "unload")], fn, None, None, {})

    def queue(
        self,
        status_update_rate: Any = "auto",
        api_open: bool | None = None,
        max_size: int | None = None,
        *,
        default_concurrency_limit: int | None | str = "not_set",
        **ignored: Any,
    ) -> "Blocks":
        """Configure the queue, as Gradio's: every listener runs at most `concurrency_limit` calls at
        once across all sessions (default `default_concurrency_limit`: 1, or the environment's
        GRADIO_DEFAULT_CONCURRENCY_LIMIT); events beyond it wait in arrival order and pages show
        their place. `max_size` caps the events waiting to start (None: bounded only by sessions,
        each holding at most MAX_WAITING); beyond it events are refused with "Queue is full".
        """
        if ignored:
            raise BlocksError(f"queue() got an unknown argument '{sorted(ignored)[0]}'. It accepts "
                              f"status_update_rate, api_open, max_size and default_concurrency_limit.")
        if max_size is not None and (isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 0):
            raise BlocksError(f"queue(max_size={max_size!r}): give a whole number of events, or None.")
        self.default_concurrency_limit = default_limit(default_concurrency_limit)
        self.max_queue_size = max_size
        if isinstance(status_update_rate, (int, float)) and status_update_rate > 0:
            self.status_update_rate = float(status_update_rate)
        if api_open is False:
            log.warning("queue(api_open=False): the HTTP API stays open here; hide listeners with api_name=False "
                        "or api_visibility=\"private\".")
        return self

    # -- checks and config -------------------------------------------------
    def validate(self) -> None:
        """Check that every listener's components belong to this Blocks; name the fix if not."""
        for dep in self.dependencies:
            for role, comps in (("trigger", [t.block for t in dep.triggers]), ("input", dep.inputs),
                                ("output", dep.outputs)):
                for comp in comps:
                    if comp.blocks is not self:
                        raise BlocksError(
                            f"{dep.where}: {role} {comp.describe()} is not part of this Blocks; create it "
                            f"inside 'with gr.Blocks()' (or call .render() on it there)."
                        )
        self._assign_api_names()
        self._one_navbar_per_page()

    def _one_navbar_per_page(self) -> None:
        seen: dict[str, Block] = {}
        for block in self.blocks_by_id.values():
            if getattr(block, "navbar", False):
                if block.page in seen:
                    raise BlocksError(f"two gr.Navbar on the page {block.page or 'Home'!r}: "
                                      f"{seen[block.page].describe()} and {block.describe()}; keep one (it may sit "
                                      f"anywhere on the page).")
                seen[block.page] = block

    def run_startup_jobs(self) -> None:
        """When the app is first served: e.g. gr.Examples(cache_examples=True) running its function on
        each example, as Gradio's do at launch."""
        jobs, self.startup_jobs = self.startup_jobs, []
        for job in jobs:
            job()

    def _assign_api_names(self) -> None:
        assign_api_names(self.dependencies)

    def components(self) -> list[Component]:
        """Every component in the tree, in creation order."""
        return [b for b in self.blocks_by_id.values() if isinstance(b, Component)]

    def interactive(self, component: Component) -> bool:
        """Explicit `interactive`, else: editable unless it is only ever an output."""
        if component.interactive is not None:
            return bool(component.interactive)
        is_input = any(component in d.inputs for d in self.dependencies)
        # Being cleared by a ClearButton does not make a component an output.
        is_output = any(component in d.outputs for d in self.dependencies
                        if not any(getattr(t.block, "clears", False) for t in d.triggers))
        return is_input or not is_output

    def _layout(self, block: BlockContext, page: str | None = None) -> list[dict[str, Any]]:
        nodes = []
        for child in block.children:
            if page is not None and child.page != page:
                continue
            if getattr(child, "server_only", False) or getattr(child, "navbar", False):
                continue  # a gr.Navbar is drawn above the page, wherever it was created
            node: dict[str, Any] = {"id": child.id}
            if isinstance(child, BlockContext) and (child.children or not isinstance(child, Component)):
                node["children"] = self._layout(child)  # a gr.HTML holds children only when used with `with`
            nodes.append(node)
        return nodes

    def _component_config(self, block: Block) -> dict[str, Any]:
        props = block.props()
        if isinstance(block, Component):
            props["interactive"] = self.interactive(block)
            props["value"] = None if block.value_is_per_session else block.initial_value()
        return {"renderer": block.renderer, "props": props}

    def config(self, page: str = "") -> dict[str, Any]:
        """The config of one page (see docs/architecture.md), "" the main one; built once, then cached.
        A multipage app's config names its pages ("navbar"); a single page's has no such key."""
        if self._config is None:
            self._config = {}
        if page not in self._config:
            self._config[page] = self._page_config(page)
        return self._config[page]

    def _page_config(self, page: str) -> dict[str, Any]:
        mine = [b for b in self.blocks_by_id.values() if b is not self and b.page == page]
        shown = [b for b in mine if not getattr(b, "server_only", False)]
        config: dict[str, Any] = {
            "title": self.title,
            "fill_height": self.fill_height,
            "fill_width": self.fill_width,
            "layout": {"id": self.id, "children": self._layout(self, page)},
            "components": {str(b.id): self._component_config(b) for b in shown},
            "dependencies": [d.config() for d in self.dependencies if d.page == page],
            **({"js": self.js} if self.js else {}),
            "browser_state": {str(c.id): c.resolved_storage_key(self.title)
                              for c in mine if isinstance(c, BrowserState)},
        }
        if len(self.pages) > 1:
            navbar = next((b for b in shown if getattr(b, "navbar", False)), None)
            config["navbar"] = navbar_config(self.pages, page, navbar)
        return config

    # -- serving -----------------------------------------------------------
    @property
    def app(self) -> Any:
        """The FastAPI app serving this Blocks (mount it, or test it with an ASGI client)."""
        if self._app is None:
            self._app = tree.server().create_app(self)
        return self._app

    def launch(self, *args: Any, **kwargs: Any) -> Any:
        """Serve the app; see blocks.launch.launch for the arguments."""
        return tree.server().launch(self, *args, **kwargs)

    def close(self) -> None:
        """Stop the server started by launch(), ending every session (unload runs)."""
        if self._server is not None:
            self._server.stop()
            self._server = None
        tree.launched.discard(self)


def join_files(text: str | None, paths: Any) -> str | None:
    """`text` followed by the contents of the files `paths` names (one path or a list)."""
    if paths is None:
        return text
    parts = [text] if text else []
    for path in [paths] if isinstance(paths, (str, os.PathLike)) else list(paths):
        try:
            parts.append(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise BlocksError(f"cannot read {path!s} for the page: {exc.strerror or exc}.") from None
    return "\n".join(parts) or None
