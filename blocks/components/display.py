"""Display components: JSON, Label and HighlightedText (HTML is in html.py, Code in code.py)."""

from __future__ import annotations

import json
import math
from typing import Any

from ..component import Arg, Component
from ..events import CHANGE_DOC, EventListener

_SELECT_DOC = "Fires when the user clicks an item; the listener's gr.SelectData has its index and value."


def _size(block: Any, value: Any) -> Any:
    return f"{value}px" if isinstance(value, (int, float)) else value


def _plain(value: Any) -> Any:
    """What json.dumps cannot write: numpy arrays and scalars as lists and numbers, others as strings."""
    return value.tolist() if hasattr(value, "tolist") else str(value)


class JSON(Component, renderer="json"):
    """A JSON value shown as a collapsible tree; a string is parsed as JSON."""

    takes_input = False
    default_label = "Json"
    change = EventListener("change", CHANGE_DOC)
    args = {"open": False, "show_indices": False, "height": Arg(None, convert=_size),
            "max_height": Arg(500, convert=_size), "min_height": Arg(None, convert=_size)}

    def postprocess(self, value: Any) -> Any:
        if isinstance(value, str):
            return json.loads(value)
        return json.loads(json.dumps(value, default=_plain))  # tuples become lists

    def check_payload(self, payload: Any) -> Any:
        return payload

    def api_info(self) -> dict[str, Any]:
        return {}


def _confidences(items: Any) -> list[dict[str, Any]]:
    pairs = items.items() if isinstance(items, dict) else ((c["label"], c.get("confidence")) for c in items)
    return sorted(({"label": str(k), "confidence": v} for k, v in pairs),
                  key=lambda c: -(c["confidence"] if isinstance(c["confidence"], (int, float)) else -math.inf))


class Label(Component, renderer="label"):
    """A class name, or classes with confidences shown highest first with bars; the top one is the heading."""

    takes_input = False
    default_label = "Label"
    change = EventListener("change", CHANGE_DOC)
    select = EventListener("select", _SELECT_DOC)
    args = {"num_top_classes": None, "color": None, "show_heading": True}

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None or value == {}:
            return {}
        if isinstance(value, (str, int, float)):
            return {"label": str(value)}
        if isinstance(value, dict) and "confidences" in value:
            confidences = _confidences(value["confidences"] or [])
            top = value.get("label", confidences[0]["label"] if confidences else None)
        elif isinstance(value, dict):
            confidences = _confidences(value)
            top = confidences[0]["label"] if confidences else None
        else:
            raise ValueError(f"Label: expected a string, a number or a dict of confidences, "
                             f"got {type(value).__name__}.")
        if self.num_top_classes is not None:
            confidences = confidences[: self.num_top_classes]
        return {"label": top, "confidences": confidences}

    def preprocess(self, payload: Any) -> Any:
        if isinstance(payload, dict) and payload.get("confidences"):
            return {c["label"]: c["confidence"] for c in payload["confidences"]}
        return payload.get("label") if isinstance(payload, dict) else payload

    def check_payload(self, payload: Any) -> Any:
        if payload is not None and not isinstance(payload, dict):
            raise self.bad_payload(payload, 'an object {"label": ..., "confidences": [...]}')
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "object", "properties": {"label": {"type": "string"}, "confidences": {
            "type": "array", "items": {"type": "object", "properties": {
                "label": {"type": "string"}, "confidence": {"type": "number"}}}}}}


class HighlightedText(Component, renderer="highlightedtext"):
    """Text in pieces, each with a category (colored, with a legend) or a score (shaded), or none."""

    takes_input = False
    default_label = "Highlighted Text"
    change = EventListener("change", CHANGE_DOC)
    select = EventListener("select", _SELECT_DOC)
    args = {"rtl": Arg(False, unhonoured="not supported yet: the text runs left to right"),
            "show_whitespaces": Arg(True, unhonoured="not supported yet: whitespace is shown as it is"),
            "color_map": None, "show_legend": False, "show_inline_category": True, "combine_adjacent": False,
            "adjacent_separator": "",
            "interactive": Arg(None, unhonoured="not supported yet: the text is not editable")}

    def postprocess(self, value: Any) -> list[dict[str, Any]] | None:
        if value is None:
            return None
        if isinstance(value, dict):
            text, pieces, at = value.get("text", ""), [], 0
            for entity in sorted(value.get("entities", []), key=lambda e: e["start"]):
                pieces.append((text[at:entity["start"]], None))
                pieces.append((text[entity["start"]:entity["end"]], entity.get("entity", entity.get("entity_group"))))
                at = entity["end"]
            pieces.append((text[at:], None))
            value = [p for p in pieces if p[0]]
        out: list[dict[str, Any]] = []
        for token, category in value:
            if self.combine_adjacent and out and out[-1]["class_or_confidence"] == category:
                out[-1]["token"] += self.adjacent_separator + token
            else:
                out.append({"token": token, "class_or_confidence": category})
        return out

    def preprocess(self, payload: Any) -> Any:
        return None if payload is None else [(p["token"], p["class_or_confidence"]) for p in payload]

    def check_payload(self, payload: Any) -> Any:
        if payload is not None and not (isinstance(payload, list) and all(
                isinstance(p, dict) and isinstance(p.get("token"), str) for p in payload)):
            raise self.bad_payload(payload, 'a list of {"token": str, "class_or_confidence": str | number | null}')
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "object", "properties": {
            "token": {"type": "string"}, "class_or_confidence": {"type": ["string", "number", "null"]}}}}
