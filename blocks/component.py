"""Block and Component: the pieces of the tree, their props and value conversion."""

from __future__ import annotations

import copy
import difflib
import inspect
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from . import context
from .errors import BlocksError, InvalidValueError
from .limits import short_repr
from .paths import shipped_dir

log = logging.getLogger("blocks")
_warned: set[tuple[str, str]] = set()  # (class, argument) pairs already warned about in this process
_NO_DEFAULT: Any = inspect.Parameter.empty
# Renderers built into frontend/index.js; every other renderer is frontend/components/<name>.js.
BUILTIN_RENDERERS = frozenset({"row", "column", "group", "tab"})
COMPONENTS_DIR = shipped_dir("frontend") / "components"


class Arg:
    """One constructor argument of a block, declared once in the class's `args`.

    By default it is also a prop: kept as an attribute of the same name, sent to the page,
    and changed by updates (`return gr.Textbox(visible=False)`, `gr.update(lines=4)`).

    Args:
        default: the value when not given (lists and dicts are copied for each block).
        prop: False for arguments the page never sees (render, key, delete_callback).
        convert: `convert(block, value) -> value`, applied to the argument and to every update of it.
        one_of: the accepted values; anything else is a BlocksError naming them.
        unhonoured: why it changes nothing yet; given another value than the default, it logs one
            warning naming it (and it is not a prop).
    """

    __slots__ = ("default", "prop", "convert", "one_of", "unhonoured")

    def __init__(self, default: Any = None, *, prop: bool = True, convert: Callable[[Any, Any], Any] | None = None,
                 one_of: tuple[Any, ...] | None = None, unhonoured: str | None = None):
        self.default, self.prop, self.convert = default, prop and unhonoured is None, convert
        self.one_of, self.unhonoured = one_of, unhonoured

    def with_default(self, default: Any) -> "Arg":
        arg = copy.copy(self)
        arg.default = default
        return arg

    def fresh_default(self) -> Any:
        return copy.copy(self.default) if isinstance(self.default, (list, dict, set)) else self.default

    def apply(self, block: Any, name: str, value: Any) -> Any:
        """The value as the block keeps it, or a BlocksError saying what is accepted."""
        if self.one_of is not None and value not in self.one_of:
            raise BlocksError(f"{type(block).__name__}({name}={value!r}): use one of "
                              f"{', '.join(repr(v) for v in self.one_of)}.")
        return self.convert(block, value) if self.convert is not None else value


# An entry of a subclass's `args` that removes an argument its base declares.
DROP: Any = type("Drop", (), {"__repr__": lambda self: "DROP"})()


def _classes(block: Any, value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _suggest(name: str, options: list[str]) -> str:
    close = difflib.get_close_matches(name, options, n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def _preserved(block: Any, names: Any) -> list[str]:
    """preserved_by_key as a list; blocks keeps only the value across re-renders (one warning otherwise)."""
    names = [names] if isinstance(names, str) else list(names or [])
    others = [n for n in names if n != "value"]
    if others and (type(block).__name__, "preserved_by_key") not in _warned:
        _warned.add((type(block).__name__, "preserved_by_key"))
        log.warning("gr.%s(preserved_by_key=%r) is accepted but only the value is kept across re-renders "
                    "(not %s).", type(block).__name__, names, ", ".join(others))
    return names


def _bind(cls: Any, args: tuple, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The declared arguments a constructor call gave, by name; a BlocksError for unknown or misplaced
    ones. Keyword arguments in `ignored_args` are dropped; `open_props` classes accept any other
    (Block.__init__ keeps those as `extra_props`)."""
    declared = cls.arguments
    unknown = [k for k in kwargs if k not in declared and k not in cls.ignored_args]
    if unknown and not cls.open_props:
        names = list(declared)
        raise BlocksError(
            f"{cls.__name__}() got an unknown argument '{unknown[0]}'."
            f"{_suggest(unknown[0], names)} Accepted arguments: {', '.join(names)}."
        )
    try:
        bound = cls.__signature__.bind(*args, **{k: v for k, v in kwargs.items() if k in declared})
    except TypeError as exc:
        raise BlocksError(f"{cls.__name__}(): {exc}.") from None
    return dict(bound.arguments)


class Block:
    """Anything that can sit in a Blocks tree: components and layouts.

    A subclass declares its constructor in `args` ({name: default or Arg}), added to its bases'
    (`DROP` removes one), and `positional`, the names callable by position, in order. The
    constructor, its signature, `prop_names` and the conversion of updates all come from that;
    `setup()` checks and derives what one argument cannot alone.
    """

    renderer: ClassVar[str | None] = None
    # Gradio arguments accepted for compatibility that change nothing a user of blocks can see or
    # rely on (no warning); anything else not honoured is an Arg(..., unhonoured=...).
    ignored_args: ClassVar[frozenset[str]] = frozenset()
    args: ClassVar[dict[str, Any]] = {
        "visible": Arg(True, one_of=(True, False, "hidden")),
        "elem_id": None,
        "elem_classes": Arg(None, convert=_classes),
        "render": Arg(True, prop=False),
        "key": Arg(None, prop=False),
        # Inside a gr.render, what a re-render with the same key keeps: the value (render.py).
        "preserved_by_key": Arg("value", prop=False, convert=_preserved),
    }
    positional: ClassVar[tuple[str, ...]] = ()
    # Every declared argument, bases' included (filled in for each class).
    arguments: ClassVar[dict[str, Arg]] = {}
    # Props sent to the page, read from attributes of the same name.
    prop_names: ClassVar[tuple[str, ...]] = ("visible", "elem_id", "elem_classes")
    # True where Gradio takes any keyword argument as a prop the page sees (gr.HTML(**props)).
    open_props: ClassVar[bool] = False
    # Props computed by the class (set in setup) rather than given as arguments.
    derived_props: ClassVar[tuple[str, ...]] = ()
    # True for State-like components whose values live only on the server.
    server_only: ClassVar[bool] = False
    # False for blocks the user cannot edit (layouts, Button, Markdown): pages may not send values.
    takes_input: ClassVar[bool] = False
    # Events a shown but non-interactive component still fires (an output player's play, a
    # static Dataframe's or Image's select).
    viewer_events: ClassVar[frozenset[str]] = frozenset()
    # The URL path of the page it is on ("" the main one; Blocks.route), set when it joins a tree.
    page: str = ""

    def __init_subclass__(cls, renderer: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if renderer is not None:  # class Slider(Number, renderer="slider")
            cls.renderer = renderer
        cls._declare()
        if cls.renderer and cls.renderer not in BUILTIN_RENDERERS \
                and not (COMPONENTS_DIR / f"{cls.renderer}.js").is_file():
            raise BlocksError(f"{cls.__name__}.renderer is {cls.renderer!r} but there is no "
                              f"frontend/components/{cls.renderer}.js.")

    @classmethod
    def _declare(cls) -> None:
        # The nearest declared base's arguments, with what it dropped left out.
        base = next((b for b in cls.__mro__[1:] if "arguments" in b.__dict__), None)
        merged: dict[str, Arg] = dict(base.__dict__["arguments"]) if base is not None else {}
        own = cls.__dict__.get("args", {}) if cls is not Block else Block.args
        for name, spec in own.items():
            if spec is DROP:
                merged.pop(name, None)
            elif isinstance(spec, Arg):
                merged[name] = spec
            else:
                merged[name] = merged[name].with_default(spec) if name in merged else Arg(spec)
        missing = [n for n in cls.positional if n not in merged]
        if missing:
            raise TypeError(f"{cls.__name__}.positional names '{missing[0]}', which is not in its args")
        cls.arguments = merged
        cls.prop_names = tuple(n for n, a in merged.items() if a.prop and n != "value") + cls.derived_props
        params = [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=merged[n].default)
                  for n in cls.positional]
        params += [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=a.default)
                   for n, a in merged.items() if n not in cls.positional]
        cls.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]

    def __init__(self, *args: Any, **kwargs: Any):
        cls = type(self)
        given = _bind(cls, args, kwargs)
        self.__dict__["_explicit"] = given
        if cls.open_props:  # gr.HTML(**props): what it does not declare goes to the page as it is
            self.__dict__["extra_props"] = {k: v for k, v in kwargs.items()
                                            if k not in cls.arguments and k not in cls.ignored_args}
        self.id: int | None = None
        self.blocks: Any = None
        arguments = cls.arguments
        for name, arg in arguments.items():
            if arg.unhonoured and name in given and given[name] != arg.default and (cls.__name__, name) not in _warned:
                _warned.add((cls.__name__, name))
                log.warning("gr.%s(%s=%r) is accepted but %s.", cls.__name__, name, given[name], arg.unhonoured)
            if name == "render":
                continue
            value = given[name] if name in given else arg.fresh_default()
            setattr(self, name, arg.apply(self, name, value) if name in given or arg.convert else value)
        self.setup()
        if given.get("render", arguments["render"].default if "render" in arguments else True):
            self.render()

    if TYPE_CHECKING:  # declared arguments are attributes of the same name (set by the constructor)
        def __getattr__(self, name: str) -> Any: ...

    def setup(self) -> None:
        """Check and derive attributes once the declared arguments are set (before rendering)."""

    def render(self) -> "Block":
        """Add this block to the Blocks being built (a no-op outside `with gr.Blocks()`)."""
        blocks, parent = context.current_blocks(), context.current_parent()
        if blocks is not None and parent is not None:
            blocks.add(self, parent)
        return self

    def unrender(self) -> "Block":
        """Remove this block from its tree before the page is served."""
        if self.blocks is not None:
            self.blocks.remove(self)
        return self

    @property
    def explicit_args(self) -> dict[str, Any]:
        """The arguments the constructor was called with (what an update changes)."""
        return self.__dict__.get("_explicit", {})

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """Props from an update, in the form the page expects (the declared conversions)."""
        arguments = type(self).arguments
        return {name: arguments[name].apply(self, name, value) if name in arguments else value
                for name, value in props.items()}

    def props(self) -> dict[str, Any]:
        """Props for the page config."""
        return {name: getattr(self, name) for name in self.prop_names}

    def describe(self) -> str:
        """A short name for error messages, e.g. Textbox 'Name'."""
        label = getattr(self, "label", None) or getattr(self, "value", None)
        name = type(self).__name__
        return f"{name} '{label}'" if isinstance(label, str) and label else f"{name} (id {self.id})"

    def __repr__(self) -> str:
        return f"<{self.describe()}>"


Block._declare()


class Component(Block):
    """A Block with a value: the page shows it, events read and write it.

    Subclasses set `renderer` (the JS module in frontend/components/), declare their `args`,
    and override `preprocess` (page payload -> callback argument), `postprocess`
    (callback value -> page payload) and `check_payload` (validate client input).
    """

    args = {
        "value": None,
        "label": None,
        "info": None,
        "show_label": Arg(None, convert=lambda block, shown: shown is not False),
        "interactive": None,
        "scale": None,
        "min_width": 160,
        "container": True,  # False: no box around it (the page's no-container class)
        "buttons": Arg(None, unhonoured="not supported yet: it shows no extra buttons (copy, fullscreen, download)"),
        # With a callable value: re-run it every `every` seconds (or gr.Timer) and when `inputs` change (refresh.py).
        "every": Arg(None, prop=False),
        "inputs": Arg(None, prop=False),
    }
    positional: ClassVar[tuple[str, ...]] = ("value",)
    # Set by refresh.py: attaches the listener that re-runs a callable value (every=, inputs=).
    refresh: ClassVar[Callable[["Component"], None] | None] = None
    # The declared arguments every component has, for type checkers (set by the constructor).
    value: Any
    label: str | None
    info: str | None
    show_label: bool
    interactive: bool | None
    scale: int | None
    min_width: int | None
    # Event names this component fires, filled in by the EventListener descriptors of its class.
    events: ClassVar[tuple[str, ...]] = ()
    takes_input = True
    # The label the page shows when none is given, as Gradio's ("Number", "Checkbox Group");
    # None for components Gradio gives no label (Button, Markdown, State).
    default_label: ClassVar[str | None] = None

    def props(self) -> dict[str, Any]:
        props = super().props()
        if "label" in props:
            props["label"] = props["label"] or self.default_label
        return props

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        if "label" in props and not props["label"]:
            props["label"] = self.default_label
        return super().normalize_props(props)

    @property
    def value_is_per_session(self) -> bool:
        """A callable value is evaluated for each new session."""
        return callable(self.value)

    def initial_value(self) -> Any:
        """This component's starting value for a new session, in page payload form (a callable
        value with `inputs=` starts empty: its listener fills it in at load, as Gradio's does)."""
        value = (None if getattr(self, "inputs", None) else self.value()) if callable(self.value) else self.value
        return self.postprocess(value)

    def render(self) -> "Component":
        super().render()
        if type(self).refresh is not None and self.blocks is not None and (
                getattr(self, "every", None) is not None or getattr(self, "inputs", None)):
            type(self).refresh(self)  # type: ignore[misc]
        return self

    def preprocess(self, payload: Any) -> Any:
        """Page payload -> the value a callback receives."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """A callback's value -> the payload the page shows."""
        return value

    def value_patch(self, previous: Any, payload: Any) -> dict[str, Any]:
        """How an update sends a new value to the page: {"value": payload}, or less when the page
        can rebuild it from `previous`, the value it shows (Chatbot: {"value_tail": ...})."""
        return {"value": payload}

    def check_payload(self, payload: Any) -> Any:
        """Validate a value sent by the page; raise InvalidValueError with what was expected."""
        return payload

    def bad_payload(self, payload: Any, expected: str) -> InvalidValueError:
        """The error for a client value of the wrong type."""
        return InvalidValueError(f"{self.describe()} expects {expected}, got {short_repr(payload)}.")

    def with_props(self, overrides: dict[str, Any] | None) -> "Component":
        """A copy of this component with a session's prop updates applied (e.g. new choices)."""
        if not overrides:
            return self
        changed = copy.copy(self)
        changed.__dict__.update(overrides)
        return changed

    def api_value(self, payload: Any) -> Any:
        """A page payload as an API caller receives it."""
        return payload

    def api_info(self) -> dict[str, Any]:
        """The JSON schema of this component's value as the HTTP API returns it (/openapi.json)."""
        return {}

    def api_input_info(self) -> dict[str, Any]:
        """The JSON schema of the values `check_payload` accepts from API callers: api_info()
        plus the limits the component checks (choices, length, range)."""
        return self.api_info()
