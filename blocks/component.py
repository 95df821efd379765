"""Block and Component: the pieces of the tree, their props and value conversion."""

from __future__ import annotations

import copy
import difflib
import functools
import inspect
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from . import context
from .errors import BlocksError, InvalidValueError
from .limits import short_repr

if TYPE_CHECKING:
    from .app import Blocks


def _suggest(name: str, options: list[str]) -> str:
    close = difflib.get_close_matches(name, options, n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


log = logging.getLogger("blocks")
_warned: set[tuple[str, str]] = set()  # (class, argument) pairs already warned about in this process


def _warn_unhonoured(cls: type, explicit: dict[str, Any], signature: inspect.Signature) -> None:
    """An argument of `cls.unhonoured` given another value than its default logs one warning, once
    per process (callbacks build components on every call)."""
    for name, why in getattr(cls, "unhonoured", {}).items():
        if name in explicit and explicit[name] != signature.parameters[name].default \
                and (cls.__name__, name) not in _warned:
            _warned.add((cls.__name__, name))
            log.warning("gr.%s(%s=%r) is accepted but %s.", cls.__name__, name, explicit[name], why)


def _record_arguments(init: Callable) -> Callable:
    """Wrap a Block subclass's __init__ to check arguments and remember which were given.

    The explicit arguments are what a component returned from a callback updates,
    as in `return gr.Markdown(visible=True)`.
    """
    signature = inspect.signature(init)
    params = [p for p in signature.parameters if p not in ("self", "kwargs")]

    @functools.wraps(init)
    def wrapper(self: Block, *args: Any, **kwargs: Any) -> None:
        if "_explicit" not in self.__dict__:
            cls = type(self)
            unknown = [k for k in kwargs if k not in params and k not in cls.ignored_args]
            if unknown:
                raise BlocksError(
                    f"{cls.__name__}() got an unknown argument '{unknown[0]}'."
                    f"{_suggest(unknown[0], params)} Accepted arguments: {', '.join(params)}."
                )
            try:
                bound = signature.bind(self, *args, **{k: v for k, v in kwargs.items() if k in params})
            except TypeError as exc:
                raise BlocksError(f"{cls.__name__}(): {exc}.") from None
            explicit = dict(bound.arguments)
            explicit.pop("self", None)
            self.__dict__["_explicit"] = explicit
            _warn_unhonoured(cls, explicit, signature)
            kwargs = {k: v for k, v in kwargs.items() if k in params}
        init(self, *args, **kwargs)

    return wrapper


class Block:
    """Anything that can sit in a Blocks tree: components and layouts."""

    renderer: ClassVar[str | None] = None
    # Gradio arguments accepted for compatibility that change nothing here yet.
    ignored_args: ClassVar[frozenset[str]] = frozenset()
    # Constructor arguments accepted for Gradio compatibility but not honoured yet, with why: given
    # another value than the default, each logs one warning naming it.
    unhonoured: ClassVar[dict[str, str]] = {}
    # Props sent to the page, read from attributes of the same name.
    prop_names: ClassVar[tuple[str, ...]] = ("visible", "elem_id", "elem_classes")
    # True for State-like components whose values live only on the server.
    server_only: ClassVar[bool] = False
    # False for blocks the user cannot edit (layouts, Button, Markdown): pages may not send values.
    takes_input: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:
            cls.__init__ = _record_arguments(cls.__dict__["__init__"])  # type: ignore[method-assign]

    def __init__(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
    ):
        self.id: int | None = None
        self.blocks: Blocks | None = None
        self.visible = visible
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else list(elem_classes or [])
        self.key = key
        if render:
            self.render()

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
        """Props from an update, in the form the page expects."""
        if isinstance(props.get("elem_classes"), str):
            props["elem_classes"] = [props["elem_classes"]]
        return props

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


class Component(Block):
    """A Block with a value: the page shows it, events read and write it.

    Subclasses set `renderer` (the JS module in frontend/components/), `prop_names`,
    and override `preprocess` (page payload -> callback argument), `postprocess`
    (callback value -> page payload) and `check_payload` (validate client input).
    """

    prop_names = Block.prop_names + ("label", "show_label", "info", "interactive", "scale", "min_width")
    # Event names this component fires, filled in by the EventListener descriptors of its class.
    events: ClassVar[tuple[str, ...]] = ()
    takes_input = True
    # The label the page shows when none is given, as Gradio's ("Number", "Checkbox Group");
    # None for components Gradio gives no label (Button, Markdown, State).
    default_label: ClassVar[str | None] = None

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        scale: int | None = None,
        min_width: int = 160,
    ):
        self.value = value
        self.label = label
        self.info = info
        self.show_label = True if show_label is None else show_label
        self.interactive = interactive
        self.scale = scale
        self.min_width = min_width
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def props(self) -> dict[str, Any]:
        return {**super().props(), "label": self.label or self.default_label}

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        if "label" in props and not props["label"]:
            props["label"] = self.default_label
        return super().normalize_props(props)

    @property
    def value_is_per_session(self) -> bool:
        """A callable value is evaluated for each new session."""
        return callable(self.value)

    def initial_value(self) -> Any:
        """This component's starting value for a new session, in page payload form."""
        value = self.value() if callable(self.value) else self.value
        return self.postprocess(value)

    def preprocess(self, payload: Any) -> Any:
        """Page payload -> the value a callback receives."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """A callback's value -> the payload the page shows."""
        return value

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
