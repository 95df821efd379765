"""Event listeners (`btn.click`, `demo.load`, `gr.on`) and the Dependency they create."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import context
from .callbacks import Callback
from .component import Block, Component
from .container import BlockContext
from .errors import BlocksError
from .visibility import api_visibility

if TYPE_CHECKING:
    from .tree import Tree

_DECORATOR: Any = object()
log = logging.getLogger("blocks")
_warned_js_true: list[str] = []  # js=True is warned of once per process
SHOW_PROGRESS = ("full", "minimal", "hidden")
TRIGGER_MODES = ("once", "multiple", "always_last")
# Gradio listener options accepted for compatibility; they change nothing here yet.
_ACCEPTED = frozenset({
    "scroll_to_output", "queue", "trigger_mode", "concurrency_limit", "concurrency_id",
    "show_api", "api_description", "api_visibility", "time_limit", "stream_every",
    "like_user_message", "show_progress_on", "validator", "js", "cancels", "max_batch_size", "key",
})
# Accepted, but an app relying on them behaves differently here: say so once, at build time.
_NO_EFFECT_YET: dict[str, str] = {}
_UNSUPPORTED = {
    "every": "listeners have no every= since Gradio 4 (Gradio raises a TypeError too); use a gr.Timer: "
             "timer = gr.Timer(2); timer.tick(fn, inputs, outputs)",
    "batch": "batched listeners (batch=True) are not supported yet; process one input at a time",
}


class Trigger:
    """One event of one block, e.g. `btn.click`; call it to attach a listener."""

    __slots__ = ("block", "event")

    def __init__(self, block: Block, event: str):
        self.block = block
        self.event = event

    def __call__(self, fn: Callable | None = _DECORATOR, inputs: Any = None, outputs: Any = None,
                 **options: Any) -> Any:
        return listen([self], fn, inputs, outputs, options)

    def __repr__(self) -> str:
        return f"{self.block.describe()}.{self.event}"


class UnbuiltTrigger(Trigger):
    """An event Gradio has that the page never fires yet: attaching a listener logs one warning."""

    __slots__ = ("why",)

    def __init__(self, block: Block, event: str, why: str):
        super().__init__(block, event)
        self.why = why

    def __call__(self, fn: Callable | None = _DECORATOR, inputs: Any = None, outputs: Any = None,
                 **options: Any) -> Any:
        log.warning("%s.%s: the listener is accepted but never runs: %s", self.block.describe(), self.event, self.why)
        return super().__call__(fn, inputs, outputs, **options)


class EventListener:
    """Descriptor: `component.click` is a Trigger bound to that component.

    Declared in a class body (`click = EventListener("click", "...")`); it adds its
    event to the class's `events`, which the page config and the server read. With
    `unbuilt="why"` the event exists (apps attaching to it build) but the page never fires it,
    and attaching a listener logs one warning saying why.
    """

    def __init__(self, event: str, doc: str = "", unbuilt: str | None = None):
        self.event = event
        self.unbuilt = unbuilt
        self.__doc__ = doc or f"Attach a listener run when the {event} event fires."

    def __set_name__(self, owner: type, name: str) -> None:
        inherited = getattr(owner, "events", ())
        if self.event not in inherited:
            owner.events = (*inherited, self.event)  # type: ignore[attr-defined]

    def __get__(self, block: Block | None, owner: type) -> Any:
        if block is None:
            return self
        return Trigger(block, self.event) if self.unbuilt is None else UnbuiltTrigger(block, self.event, self.unbuilt)


CHANGE_DOC = "Fires when the value changes, by the user or as the output of a listener."
INPUT_DOC = "Fires when the user changes the value (not when a listener does)."
SUBMIT_DOC = "Fires when the user presses Enter in the field."
FOCUS_DOC = "Fires when the field gains focus."
BLUR_DOC = "Fires when the field loses focus."


def _as_list(value: Any, what: str, where: str) -> list[Any]:
    """Components (and, for outputs, layouts: their props can be updated) as a list."""
    if value is None:
        return []
    if isinstance(value, set):  # a set's order changes between runs; the API needs a stable one
        value = sorted(value, key=lambda c: getattr(c, "id", None) or 0)
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    allowed = (Component, BlockContext) if what == "outputs" else Component
    for item in items:
        if isinstance(item, Block) and not isinstance(item, allowed):
            raise BlocksError(f"{where}: {item.describe()} cannot be one of the {what}: only components can "
                              f"(layouts can be outputs, to change their props such as visible).")
        if not isinstance(item, allowed) or getattr(item, "blocks", None) is item:
            raise BlocksError(
                f"{where}: {what} must be components (or a list of them), got {item!r}. "
                f"Pass the component object, e.g. `outputs=[textbox]`."
            )
    return items


class Dependency:
    """A listener: triggers, a function, its inputs and outputs, and what runs after it."""

    page = ""  # the URL path of the page whose sessions may run it (Blocks.route); set by the Blocks

    def __init__(self, blocks: "Tree", triggers: list[Trigger], fn: Callable | None, inputs: Any,
                 outputs: Any, options: dict[str, Any], after: "tuple[Dependency, str] | None" = None):
        where: str = f"{triggers[0]}()" if triggers else f"{after[0].where}.{after[1]}()" if after else "listener"
        self.where: str = where
        self.blocks = blocks
        self.triggers = triggers
        self.inputs_as_dict = isinstance(inputs, set)
        self.inputs = _as_list(inputs, "inputs", where)
        self.outputs = _as_list(outputs, "outputs", where)
        # Reads or writes State, whose copying and comparing may be costly for large values.
        self.touches_state = any(getattr(c, "server_only", False) for c in (*self.inputs, *self.outputs))
        self.after = after
        self.followers: list[Dependency] = []
        self.key = options.get("key")  # inside a gr.render: the listener keeps its id across runs
        input_count = 1 if self.inputs_as_dict else len(self.inputs)
        self.callback = Callback(fn, where, input_count) if fn is not None else None
        self._read_options(options, where)
        self.id = blocks.add_dependency(self)

    def _read_options(self, options: dict[str, Any], where: str) -> None:
        for name, value in options.items():
            if name in _NO_EFFECT_YET and value not in (None, False, [], "default"):
                warnings.warn(f"{where}: {name}= has no effect yet ({_NO_EFFECT_YET[name]}).", stacklevel=5)
            if name in _UNSUPPORTED and value not in (None, False):
                raise BlocksError(f"{where}: {name}= is given: {_UNSUPPORTED[name]}.")
            if name not in _ACCEPTED and name not in _UNSUPPORTED and name not in (
                "api_name", "show_progress", "preprocess", "postprocess"):
                raise BlocksError(f"{where}: unknown listener argument '{name}'. Listener arguments are "
                                  f"fn, inputs, outputs, api_name, show_progress, preprocess, postprocess.")
        self.api_name: str | None | bool = options.get("api_name")
        # "public", "undocumented" or "private" (no endpoint): see visibility.py for Gradio's rules.
        self.api_visibility = api_visibility(options, where)
        self.requested_api_name = self.api_name
        self.show_progress = options.get("show_progress", "full")
        if isinstance(self.show_progress, bool):  # Gradio 3's form
            self.show_progress = "full" if self.show_progress else "hidden"
        if self.show_progress not in SHOW_PROGRESS:
            raise BlocksError(f"{where}: show_progress={self.show_progress!r}; use one of {SHOW_PROGRESS}.")
        # What the page does with a trigger while the previous one still runs: "once" ignores it,
        # "multiple" queues it, "always_last" runs once more with the latest values afterwards.
        # Typing (change/input) coalesces by default; clicks all count (never a lost update).
        typing = bool(self.triggers) and all(t.event in ("change", "input") for t in self.triggers)
        self.trigger_mode = options.get("trigger_mode") or ("always_last" if typing else "multiple")
        if self.trigger_mode not in TRIGGER_MODES:
            raise BlocksError(f"{where}: trigger_mode={self.trigger_mode!r}; use one of {TRIGGER_MODES}.")
        self.js = options.get("js") or None  # JavaScript function source, run in the page first
        if self.js is True and self.callback is not None:  # Gradio's hint to transpile fn to JavaScript
            self.js = None  # where Gradio cannot transpile it, fn runs on the server: always, here
            if not _warned_js_true:
                _warned_js_true.append(where)
                log.warning("%s: js=True is accepted but not supported yet: the Python function runs on the "
                            "server (Gradio's fallback when it cannot transpile it), not in the browser.", where)
        if self.js is not None and not isinstance(self.js, str):
            raise BlocksError(f"{where}: js= takes the source of a JavaScript function, e.g. "
                              f"\"(x) => x.toUpperCase()\"; got {self.js!r}.")
        self.scroll_to_output = bool(options.get("scroll_to_output"))
        on = options.get("show_progress_on")
        self.show_progress_on = None if on is None else _as_list(on, "show_progress_on", where)
        self.validator = options.get("validator")
        if self.validator is not None and not callable(self.validator):
            raise BlocksError(f"{where}: validator={self.validator!r}; give a function taking the same inputs "
                              f"and returning gr.validate(is_valid, message) per input (or a list of them).")
        self.preprocess = options.get("preprocess", True)
        self.postprocess = options.get("postprocess", True)
        self._read_queue_options(options, where)

    def _read_queue_options(self, options: dict[str, Any], where: str) -> None:
        """Gradio's queue options: concurrency_limit ("default", a number or None), concurrency_id,
        queue=False (run without waiting), time_limit (seconds) and cancels."""
        self.queue = options.get("queue", True)
        self.concurrency_limit = options.get("concurrency_limit", "default")
        limit = self.concurrency_limit
        if limit != "default" and limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)
                                                          or limit < 1):
            raise BlocksError(f"{where}: concurrency_limit={limit!r}; use a whole number of at least 1, None for "
                              f"no limit, or \"default\" for demo.queue(default_concurrency_limit=).")
        self.concurrency_id = options.get("concurrency_id")
        if self.concurrency_id is not None:
            self.concurrency_id = str(self.concurrency_id)
        self.time_limit = options.get("time_limit")
        if self.time_limit is not None and (isinstance(self.time_limit, bool)
                                            or not isinstance(self.time_limit, (int, float)) or self.time_limit <= 0):
            raise BlocksError(f"{where}: time_limit={self.time_limit!r}; give a number of seconds above 0, or None.")
        cancels = options.get("cancels") or []
        self.cancels: list[Dependency] = list(cancels) if isinstance(cancels, (list, tuple, set)) else [cancels]
        for target in self.cancels:
            if not isinstance(target, Dependency):
                raise BlocksError(f"{where}: cancels= takes the listeners to stop, as returned by an event "
                                  f"(`run = btn.click(...)`, then `cancels=[run]`); got {target!r}.")

    def _follow(self, mode: str, fn: Any, inputs: Any, outputs: Any, options: dict[str, Any]) -> Any:
        if fn is _DECORATOR:
            def decorate(func: Callable) -> Callable:
                self._follow(mode, func, inputs, outputs, options)
                return func
            return decorate
        follower = Dependency(self.blocks, [], fn, inputs, outputs, options, after=(self, mode))
        self.followers.append(follower)
        return follower

    def then(self, fn: Callable | None = _DECORATOR, inputs: Any = None, outputs: Any = None, **options: Any) -> Any:
        """Run `fn` after this listener finishes, whether or not it succeeded."""
        return self._follow("then", fn, inputs, outputs, options)

    def success(self, fn: Callable | None = _DECORATOR, inputs: Any = None, outputs: Any = None,
                **options: Any) -> Any:
        """Run `fn` after this listener finishes without an error."""
        return self._follow("success", fn, inputs, outputs, options)

    def failure(self, fn: Callable | None = _DECORATOR, inputs: Any = None, outputs: Any = None,
                **options: Any) -> Any:
        """Run `fn` after this listener raised an error."""
        return self._follow("failure", fn, inputs, outputs, options)

    def config(self) -> dict[str, Any]:
        """This listener in the page config; `after` names the listener a .then() follows."""
        after = {"after": [self.after[0].id, self.after[1]]} if self.after else {}
        return {
            **after,
            "id": self.id,
            "triggers": [[t.block.id, t.event] for t in self.triggers],
            "inputs": [c.id for c in self.inputs],
            "outputs": [c.id for c in self.outputs],
            "show_progress": self.show_progress,
            "trigger_mode": self.trigger_mode,
            **({"js": self.js, "has_fn": self.callback is not None} if self.js else {}),
            **({"scroll_to_output": True} if self.scroll_to_output else {}),
            **({"show_progress_on": [c.id for c in self.show_progress_on]}
               if self.show_progress_on is not None else {}),
            **({"cancels": [d.id for d in self.cancels]} if self.cancels else {}),
        }

    def __repr__(self) -> str:
        name = self.callback.name if self.callback else "None"
        return f"<Dependency {self.id} {self.where} -> {name}>"


def _blocks_for(triggers: Sequence[Trigger], where: str) -> "Tree":
    blocks = context.current_blocks()
    for trigger in triggers:
        blocks = blocks or trigger.block.blocks
    if blocks is None:
        raise BlocksError(f"{where}: listeners must be attached inside 'with gr.Blocks() as demo:' "
                          f"to components of that Blocks.")
    return blocks


def listen(triggers: list[Trigger], fn: Any, inputs: Any, outputs: Any, options: dict[str, Any]) -> Any:
    """Attach a listener to `triggers`; with no `fn`, return a decorator that does it."""
    if fn is _DECORATOR:
        def decorate(func: Callable) -> Callable:
            listen(triggers, func, inputs, outputs, options)
            return func
        return decorate
    where = f"{triggers[0]}()" if triggers else "gr.on()"
    blocks = _blocks_for(triggers, where)
    return Dependency(blocks, triggers, fn, inputs, outputs, options)


def on(triggers: Trigger | Iterable[Trigger] | None = None, fn: Any = _DECORATOR, inputs: Any = None,
       outputs: Any = None, **options: Any) -> Any:
    """Attach one listener to several triggers, e.g. `gr.on([a.change, b.submit], fn, ...)`.

    With `triggers=None` it runs on page load and whenever any input changes.
    """
    if triggers is None:
        blocks = context.current_blocks()
        if blocks is None:
            raise BlocksError("gr.on(): call it inside 'with gr.Blocks() as demo:'.")
        found = [blocks.load] + [Trigger(c, "change") for c in _as_list(inputs, "inputs", "gr.on()")
                                 if "change" in c.events]
    else:
        found = [triggers] if isinstance(triggers, Trigger) else list(triggers)
    for trigger in found:
        if not isinstance(trigger, Trigger):
            raise BlocksError(f"gr.on(): triggers must be events such as `button.click` or "
                              f"`textbox.change`, got {trigger!r}.")
    return listen(found, fn, inputs, outputs, options)
