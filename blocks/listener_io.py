"""Values into and out of one listener run: its arguments from the session's values (State as
deep copies, so that a failure changes nothing), its validator's verdict, and its result turned into
outputs (postprocessed, compared with what is stored, BrowserState sealed) and page patches."""

from __future__ import annotations

import contextvars
import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .component import Component
from .errors import InvalidValueError, ProtocolError, ValidationFailed
from .sealing import MAX_PAGE_BYTES, sealed_bytes
from .state import BrowserState, values_differ
from .updates import MISSING, per_output, split_update

# The inputs a listener's js= function changed for this call (Dispatcher.run sets it around the
# triggered listener): used instead of the session's values, which keep what the page shows.
js_inputs: contextvars.ContextVar[dict[int, Any] | None] = contextvars.ContextVar("blocks_js_inputs", default=None)

if TYPE_CHECKING:
    from .events import Dependency
    from .sealing import Sealer
    from .tree import Tree


def props_key(component_id: int) -> tuple[str, int]:
    """The store key of a session's prop updates for a component."""
    return ("props", component_id)



def copied_state(dep: "Dependency", changes: dict[Any, Any]) -> dict[Any, Any]:
    """A generator's yielded State is still its own object: the store gets a copy."""
    state_ids = {c.id for c in dep.outputs + dep.inputs if getattr(c, "server_only", False)}
    return {k: copy.deepcopy(v) if k in state_ids else v for k, v in changes.items()}


@dataclass
class Step:
    """What one listener run produced: page patches, an error to show, API outputs."""

    dependency: "Dependency"
    updates: dict[str, dict[str, Any]] = field(default_factory=dict)
    error: dict[str, Any] | None = None
    outputs: dict[int, Any] = field(default_factory=dict)
    last: bool = False  # nothing else runs for this event after it
    final: bool = True  # False for the values a generator yields before it finishes
    toasts: list[dict[str, Any]] = field(default_factory=list)  # gr.Info / gr.Warning messages
    renders: list[dict[str, Any]] = field(default_factory=list)  # subtrees a gr.render built (render.py)



class ListenerIO:
    """Maps a Tree's component values to a listener's arguments and its results back."""

    def __init__(self, blocks: "Tree", sealers: dict[int, "Sealer"]):
        self.blocks = blocks
        self.sealers = sealers

    def component(self, cid: int, values: dict[Any, Any]) -> Component:
        component: Component = self.blocks.blocks_by_id[cid]  # type: ignore[assignment]
        return component.with_props(values.get(props_key(cid)))

    @staticmethod
    def validate(dep: "Dependency", inputs: list[Any], verdict: Any) -> None:
        """Stop the listener before its function runs when its validator refused an input (Gradio's
        gr.validate per input, a list of them, or one for the only input)."""
        if dep.validator is None:
            return
        verdicts = verdict if isinstance(verdict, (list, tuple)) else [verdict]
        failures: dict[int, str] = {}
        for i, item in enumerate(verdicts):
            if not (isinstance(item, dict) and item.get("__type__") == "validate"):
                raise InvalidValueError(f"{dep.where}: its validator returned {item!r}; return "
                                        f"gr.validate(is_valid, message) per input, or a list of them.")
            if not item["is_valid"]:
                target = dep.inputs[i] if i < len(dep.inputs) else None
                failures[target.id if target is not None else -1 - i] = item["message"]  # type: ignore[assignment]
        if failures:
            raise ValidationFailed(failures)

    @staticmethod
    def arguments(dep: "Dependency", inputs: list[Any]) -> list[Any]:
        return inputs if not dep.inputs_as_dict else [dict(zip(dep.inputs, inputs))]

    def inputs(self, dep: "Dependency", values: dict[Any, Any]) -> tuple[list[Any], dict[int, Any]]:
        """Callback arguments; State inputs are deep copies so a failure changes nothing."""
        working: dict[int, Any] = {}
        args = []
        for comp in dep.inputs:
            cid = comp.id
            if comp.server_only:
                if cid not in working:
                    working[cid] = self.copy_state(comp, values.get(cid))  # type: ignore[index]
                args.append(working[cid])  # type: ignore[index]
                continue
            component = self.component(cid, values)  # type: ignore[arg-type]
            replaced = js_inputs.get()
            payload = replaced[cid] if replaced and cid in replaced else values.get(cid)
            args.append(component.preprocess(payload) if dep.preprocess else payload)
        return args, working

    @staticmethod
    def api_payload(component: Component, payload: Any) -> Any:
        try:
            return component.check_payload(payload)
        except InvalidValueError as exc:  # the caller's mistake, not the app's: refuse the request
            raise ProtocolError(str(exc)) from None

    @staticmethod
    def copy_state(comp: Component, value: Any) -> Any:
        try:
            return copy.deepcopy(value)
        except Exception as exc:  # noqa: BLE001
            raise InvalidValueError(f"{comp.describe()} holds a {type(value).__name__} that cannot be "
                                    f"deep-copied ({exc}); keep it in a dict keyed by session_hash.") from None

    def outputs(self, dep: "Dependency", values: dict[Any, Any], result: Any, working: dict[int, Any],
                 step: Step) -> tuple[dict[Any, Any], list[int]]:
        """Map the result to outputs; returns the store changes and the ids whose value changed."""
        changes: dict[Any, Any] = {}
        changed: list[int] = []
        returned = per_output(dep.where, dep.outputs, result)
        for comp, ret in returned.items():
            cid: int = comp.id  # type: ignore[assignment]
            value, props = split_update(dep.where, comp, ret)
            patch: dict[str, Any] = dict(props)
            if props:
                changes[props_key(cid)] = {**values.get(props_key(cid), {}), **props}
            if value is not MISSING and not isinstance(comp, Component):
                raise InvalidValueError(f"{dep.where} returned {value!r} for {comp.describe()}, a layout with no "
                                        f"value. Return gr.update(visible=...) or gr.{type(comp).__name__}(...).")
            if value is not MISSING:
                if not comp.server_only:
                    component = comp.with_props(changes.get(props_key(cid)) or values.get(props_key(cid)))
                    value = component.postprocess(value) if dep.postprocess else value
                    patch.update(component.value_patch(values.get(cid), value))
                step.outputs[cid] = value if not comp.server_only else None
                self.note_change(comp, values, value, changes, changed, patch)
            if patch and (not comp.server_only or "blob" in patch):
                step.updates[str(cid)] = patch
        for cid, copy_ in working.items():  # in-place edits of State inputs count as changes
            if cid not in changes:
                patch = {}
                self.note_change(self.blocks.blocks_by_id[cid], values, copy_, changes, changed, patch)  # type: ignore[arg-type]
                if patch:
                    step.updates[str(cid)] = patch
        return changes, changed

    def note_change(self, comp: Any, values: dict[Any, Any], new: Any, changes: dict[Any, Any], changed: list[int],
                     patch: dict[str, Any]) -> None:
        """Record `new` as the component's value if it differs from the stored one; a BrowserState's is
        sealed, and refused when the page's BrowserState values would no longer fit in its hello."""
        if not values_differ(values.get(comp.id), new):
            return
        changes[comp.id] = new
        changed.append(comp.id)
        if isinstance(comp, BrowserState):
            try:
                patch["blob"] = self.sealers[comp.id].seal(new)  # type: ignore[index]
            except (TypeError, ValueError) as exc:
                raise InvalidValueError(f"{comp.describe()} can only hold JSON values ({exc}).") from None
            total = len(patch["blob"]) + sum(sealed_bytes(changes.get(cid, values.get(cid)))
                                             for cid in self.sealers if cid != comp.id)
            if total > MAX_PAGE_BYTES:
                key = comp.resolved_storage_key(self.blocks.title)
                raise InvalidValueError(f"{comp.describe()} (localStorage key '{key}'): not saved; this page's "
                                        f"BrowserState values would take {total:,} bytes together, over the "
                                        f"{MAX_PAGE_BYTES:,}-byte limit per page. Keep large data in gr.State.")
