"""Choice components: CheckboxGroup, Radio and Dropdown share how choices and type= work."""

from __future__ import annotations

import logging
from typing import Any

from ..component import Arg, Component
from ..errors import BlocksError
from ..events import BLUR_DOC, CHANGE_DOC, FOCUS_DOC, INPUT_DOC, EventListener

log = logging.getLogger("blocks")

SELECT_DOC = "Fires when the user selects a choice."
# Arguments accepted but not honoured yet: one warning each per process (callbacks build components).


def normalize_choices(choices: Any, where: str) -> list[list[Any]]:
    """Choices as [[label, value], ...] from strings, numbers or (label, value) pairs."""
    pairs = []
    for choice in choices or []:
        if isinstance(choice, (tuple, list)) and len(choice) == 2:
            pairs.append([str(choice[0]), choice[1]])
        elif choice is None or (isinstance(choice, (str, int, float)) and not isinstance(choice, bool)):
            pairs.append([str(choice), choice])  # as Gradio: None is the choice labelled "None"
        else:
            raise BlocksError(f"{where}: choice {choice!r} is not a string, a number or a (label, value) pair.")
    return pairs


def _kind(block: Any, kind: Any) -> str:
    if kind not in ("value", "index"):
        raise BlocksError(f"{type(block).__name__}(type={kind!r}): use 'value' or 'index'.")
    return kind


def _is_plain(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _choices(block: Any, choices: Any) -> list[list[Any]]:
    # Set once by the constructor; afterwards, converting an update.
    return normalize_choices(choices, f"{type(block).__name__}{' update' if 'choices' in block.__dict__ else '()'}")


class Choices(Component):
    """A component that picks among `choices`; `type` says what callbacks receive."""

    args = {"choices": Arg(None, convert=_choices),
            "type": Arg("value", prop=False, convert=lambda block, kind: _kind(block, kind))}
    positional = ("choices",)

    def _values(self) -> list[Any]:
        return [value for _, value in self.choices]

    def _pass(self, value: Any) -> Any:
        """One chosen value as a callback receives it: itself, or its position (None if not a choice)."""
        if self.type == "value":
            return value
        values = self._values()
        return values.index(value) if value in values else None


class CheckboxGroup(Choices, renderer="checkboxgroup"):
    """A fieldset of checkboxes; its value is the list of checked choices.

    Args:
        choices: strings, numbers or (label, value) pairs.
        type: "value" passes the checked values to callbacks, "index" their positions.
    """

    default_label = "Checkbox Group"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    select = EventListener("select", "Fires when the user checks or unchecks a choice.")

    args = {"value": Arg(None, convert=lambda block, value: [] if value is None else value),
            "show_select_all": Arg(False, unhonoured="not supported yet: there is no Select All box")}

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


class Radio(Choices, renderer="radio"):
    """A fieldset of radio buttons; its value is the chosen choice (None before one is chosen).

    Args:
        choices: strings, numbers or (label, value) pairs.
        type: "value" passes the chosen value to callbacks, "index" its position.
        rtl: lay the choices out right to left.
    """

    default_label = "Radio"
    select = EventListener("select", SELECT_DOC)
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)

    args = {"rtl": False}

    def preprocess(self, payload: Any) -> Any:
        return None if payload is None else self._pass(payload)

    def check_payload(self, payload: Any) -> Any:
        values = self._values()
        if payload is not None and payload not in values:
            raise self.bad_payload(payload, f"one of its choices {values}")
        return payload

    def api_input_info(self) -> dict[str, Any]:
        return {"enum": [*self._values(), None]}


class _FirstChoice:
    """Dropdown's default value: the first choice (none when multiselect), as in Gradio."""

    def __repr__(self) -> str:
        return "<the first choice>"


FIRST_CHOICE: Any = _FirstChoice()


class Dropdown(Choices, renderer="dropdown"):
    """A <select> of choices; its value is the chosen choice, or the list of them when multiselect.

    Args:
        choices: strings, numbers or (label, value) pairs.
        value: the first choice unless given (an empty list when multiselect; None for no choice).
        type: "value" passes the chosen values to callbacks, "index" their positions.
        multiselect: choose several; max_choices limits how many.
        allow_custom_value: accept values that are not among the choices (from listeners and API callers).
    """

    default_label = "Dropdown"
    key_up = EventListener("key_up", "Fires when a key is released in the dropdown (gr.KeyUpData: key, input_value).")
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    select = EventListener("select", SELECT_DOC)
    focus = EventListener("focus", FOCUS_DOC)
    blur = EventListener("blur", BLUR_DOC)
    args = {"num_choices_shown": Arg(100, unhonoured="not supported yet: the list's height is fixed"),
            "value": FIRST_CHOICE, "multiselect": Arg(None, convert=lambda block, many: bool(many)),
            "allow_custom_value": False, "max_choices": None, "filterable": True}

    def setup(self) -> None:
        if self.value is FIRST_CHOICE:
            self.value = [] if self.multiselect else self.choices[0][1] if self.choices else None

    def preprocess(self, payload: Any) -> Any:
        if self.multiselect:
            return [self._pass(item) for item in payload or []]
        return None if payload is None else self._pass(payload)

    def postprocess(self, value: Any) -> Any:
        if not self.multiselect:
            return value
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple, set)) else [value]

    def _allowed(self, item: Any) -> bool:
        return item in self._values() or (self.allow_custom_value and _is_plain(item))

    def check_payload(self, payload: Any) -> Any:
        expected = f"one of its choices {self._values()}"
        if not self.allow_custom_value:
            expected += " (allow_custom_value=True accepts others)"
        if not self.multiselect:
            if payload is not None and not self._allowed(payload):
                raise self.bad_payload(payload, expected)
            return payload
        if not isinstance(payload, list) or not all(self._allowed(item) for item in payload):
            raise self.bad_payload(payload, f"a list of items, each {expected}")
        if self.max_choices is not None and len(payload) > self.max_choices:
            raise self.bad_payload(payload, f"at most {self.max_choices} choices (max_choices)")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "array"} if self.multiselect else {}

    def api_input_info(self) -> dict[str, Any]:
        one = {} if self.allow_custom_value else {"enum": self._values()}
        if not self.multiselect:
            return {"anyOf": [one, {"type": "null"}]} if one else {}
        limit = {} if self.max_choices is None else {"maxItems": self.max_choices}
        return {"type": "array", "items": one, **limit}
