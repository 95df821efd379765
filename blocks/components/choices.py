"""Choice components."""

from __future__ import annotations

from typing import Any

from ..component import Component
from ..errors import BlocksError
from ..events import CHANGE_DOC, INPUT_DOC, EventListener


def normalize_choices(choices: Any, where: str) -> list[list[Any]]:
    """Choices as [[label, value], ...] from strings, numbers or (label, value) pairs."""
    pairs = []
    for choice in choices or []:
        if isinstance(choice, (tuple, list)) and len(choice) == 2:
            pairs.append([str(choice[0]), choice[1]])
        elif isinstance(choice, (str, int, float)) and not isinstance(choice, bool):
            pairs.append([str(choice), choice])
        else:
            raise BlocksError(f"{where}: choice {choice!r} is not a string, a number or a (label, value) pair.")
    return pairs


class CheckboxGroup(Component):
    """A fieldset of checkboxes; its value is the list of checked choices.

    Args:
        choices: strings, numbers or (label, value) pairs.
        type: "value" passes the checked values to callbacks, "index" their positions.
    """

    renderer = "checkboxgroup"
    default_label = "Checkbox Group"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    prop_names = Component.prop_names + ("choices",)
    ignored_args = frozenset({"every", "inputs", "container", "preserved_by_key", "show_select_all"})

    def __init__(
        self,
        choices: list[Any] | None = None,
        *,
        value: list[Any] | Any = None,
        type: str = "value",
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
    ):
        if type not in ("value", "index"):
            raise BlocksError(f"CheckboxGroup(type={type!r}): use 'value' or 'index'.")
        self.type = type
        self.choices = normalize_choices(choices, "CheckboxGroup()")
        super().__init__([] if value is None else value, label=label, info=info, show_label=show_label,
                         interactive=interactive, visible=visible, elem_id=elem_id, elem_classes=elem_classes,
                         render=render, key=key, scale=scale, min_width=min_width)

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        if "choices" in props:
            props["choices"] = normalize_choices(props["choices"], "CheckboxGroup update")
        return super().normalize_props(props)

    def _values(self) -> list[Any]:
        return [value for _, value in self.choices]

    def preprocess(self, payload: Any) -> list[Any]:
        if self.type == "index":
            values = self._values()
            return [values.index(v) for v in payload if v in values]
        return list(payload)

    def postprocess(self, value: Any) -> list[Any]:
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple, set)) else [value]

    def check_payload(self, payload: Any) -> list[Any]:
        values = self._values()
        if not isinstance(payload, list) or any(item not in values for item in payload):
            raise self.bad_payload(payload, f"a list of its choices {values}")
        return payload

    def api_info(self) -> dict[str, Any]:
        # Listeners may return other values, or change the choices with gr.update(choices=...).
        return {"type": "array"}

    def api_input_info(self) -> dict[str, Any]:
        values = self._values()
        return {"type": "array", "items": {"enum": values}} if values else {"type": "array", "maxItems": 0}
