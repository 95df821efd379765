"""ParamViewer: a function's parameters (name, type, default, description), each a <details>."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..component import DROP, Arg, Component
from ..errors import BlocksError
from ..events import CHANGE_DOC, EventListener
from .code import highlighted
from .markdown_render import render_markdown


def _anchor(block: Any, value: Any) -> str | bool:
    if isinstance(value, (bool, str)):
        return value
    raise BlocksError(f"ParamViewer(anchor_links={value!r}): give True, False or a prefix string for the ids.")


class ParamViewer(Component, renderer="paramviewer"):
    """Documentation of parameters, as Gradio's: `value` maps each name to {"type", "description",
    "default"}; a row shows `name: type` (highlighted in `language`), opening to the default and the
    description (Markdown). `header` titles the list (None: no header, no Open All button);
    `anchor_links` gives each row an id (`param-<name>`, after a prefix when a string) and a link to it."""

    takes_input = False
    change = EventListener("change", CHANGE_DOC)
    upload = EventListener("upload", "Gradio lists it; a ParamViewer has nothing to upload.",
                           unbuilt="a ParamViewer has no upload (in Gradio neither)")
    args = {"value": None, "language": Arg("python", one_of=("python", "typescript")),
            "linkify": Arg(None, unhonoured="not supported yet: the descriptions are not linked"),
            "header": "Parameters", "anchor_links": Arg(False, convert=_anchor), "max_height": None,
            "label": DROP, "show_label": DROP, "info": DROP, "container": DROP,
            "scale": DROP, "min_width": DROP}

    def setup(self) -> None:
        self.interactive = False

    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        if value is None:
            return []
        if not isinstance(value, Mapping):
            raise BlocksError(f"{self.describe()}: the value is {type(value).__name__}; give a dict of parameter "
                              f"name -> {{\"type\": ..., \"description\": ..., \"default\": ...}}.")
        rows = []
        for name, given in value.items():
            spec = given if isinstance(given, Mapping) else {"type": given}
            kind, default = spec.get("type"), spec.get("default")
            rows.append({
                "name": str(name),
                "signature": highlighted(f"{name}: {kind}" if kind not in (None, "") else str(name),
                                         self.language),  # type: ignore[attr-defined]
                "default": None if default is None else highlighted(f"= {default}", self.language),  # type: ignore[attr-defined]
                "description": render_markdown(str(spec.get("description") or "")),
            })
        return rows

    def check_payload(self, payload: Any) -> Any:
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": {"type": "object"}}
