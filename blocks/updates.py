"""gr.update, and turning a callback's return value into per-output (value, props) pairs."""

from __future__ import annotations

from typing import Any

from .component import Block, Component
from .errors import InvalidValueError

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
# Constructor arguments that never become props of an existing component.
_NOT_PROPS = frozenset({"render", "key", "every", "inputs", "preserved_by_key", "value"})


def update(**props: Any) -> dict[str, Any]:
    """Change an output's props (and optionally its value): `return gr.update(visible=False)`."""
    return {"__type__": "update", **props}


def is_update(value: Any) -> bool:
    """True for the dict gr.update() returns."""
    return isinstance(value, dict) and value.get("__type__") == "update"


def per_output(where: str, outputs: list[Component], result: Any) -> dict[Component, Any]:
    """Match a return value to the outputs: one value, a tuple/list for several, or a dict."""
    if not outputs:
        return {}
    if isinstance(result, dict) and result and all(isinstance(k, Block) for k in result):
        stray = [k for k in result if k not in outputs]
        if stray:
            raise InvalidValueError(f"{where} returned a value for {stray[0].describe()}, which is not "
                                    f"one of its outputs. Add it to `outputs`.")
        return dict(result)
    if len(outputs) == 1:
        return {outputs[0]: result}
    if not isinstance(result, (tuple, list)) or len(result) != len(outputs):
        got = f"{len(result)} values" if isinstance(result, (tuple, list)) else f"a {type(result).__name__}"
        raise InvalidValueError(f"{where} returned {got} but has {len(outputs)} outputs. Return a tuple "
                                f"with one value per output, or a dict {{component: value}}.")
    return dict(zip(outputs, result))


def _open_prop(component: Component, name: str) -> bool:
    """gr.HTML's own props (`count=` of `html_template="${count}"`): any name a template can read."""
    return component.open_props and name.isidentifier() and not name.startswith("_")


def split_update(where: str, component: Component, returned: Any) -> tuple[Any, dict[str, Any]]:
    """(value or MISSING, props) from a plain value, a gr.update() or a component instance."""
    if is_update(returned):
        props = {k: v for k, v in returned.items() if k != "__type__"}
    elif isinstance(returned, Block) and returned is not component:
        # gr.HTML(count=3) keeps its own props; constructor-only arguments (gr.Tab(id=1), the tab's
        # name, which Gradio's demos repeat in the update) are not updates
        declared = type(returned).arguments
        props = {**{k: v for k, v in returned.explicit_args.items() if k not in declared or declared[k].prop
                    or k == "value"}, **returned.__dict__.get("extra_props", {})}
    else:
        return returned, {}
    value = props.pop("value", MISSING)
    props = {k: v for k, v in props.items() if k not in _NOT_PROPS}
    unknown = [k for k in props if k not in component.prop_names and not _open_prop(component, k)]
    if unknown:
        raise InvalidValueError(f"{where} updates '{unknown[0]}' of {component.describe()}, which has no such "
                                f"prop. Its props are: {', '.join(component.prop_names)}.")
    return value, component.normalize_props(props)
