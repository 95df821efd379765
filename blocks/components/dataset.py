"""Dataset: clickable samples, each shown the way its component shows a value (the base of gr.Examples)."""

from __future__ import annotations

import html
import logging
from typing import Any

from ..component import DROP, Arg, Component
from ..errors import BlocksError, InvalidValueError
from ..events import EventListener

log = logging.getLogger("blocks")
_LIST_RENDERERS = frozenset({"checkboxgroup", "dropdown"})  # values that may be lists, shown joined


def _samples(block: Any, samples: Any) -> list[list[Any]]:
    if samples is None:
        return [[]]
    if not isinstance(samples, (list, tuple)):
        raise BlocksError(f"Dataset(samples={samples!r}): give a list of samples, each a list with one value "
                          f"per component.")
    return [list(sample) if isinstance(sample, (list, tuple)) else [sample] for sample in samples]


def _components(block: Any, components: Any) -> list[Component]:
    found = []
    for given in components or []:
        component = _component_class(given)(render=False) if isinstance(given, str) else given
        if not isinstance(component, Component):
            raise BlocksError(f"Dataset(components=[... {given!r} ...]): give components (gr.Textbox(), ...) "
                              f"or their names ('textbox').")
        found.append(component)
    return found


def _component_class(name: str) -> type[Component]:
    pending: list[type[Component]] = [Component]
    while pending:
        cls = pending.pop()
        if cls.__name__.lower() == name.lower():
            return cls
        pending.extend(cls.__subclasses__())
    raise BlocksError(f"Dataset(components=[{name!r}]): there is no component of that name; give a component "
                      f"instance instead, e.g. gr.Textbox().")


def _jsonable(value: Any) -> Any:
    """A sample value as the page gets it (in gr.SelectData.value): JSON types kept, anything else its text."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(item) for item in value)
    return str(value)


def _mini_table(rows: list[list[Any]]) -> str:
    """A table sample as Gradio's examples show one: its first five rows, no headers."""
    def shown(value: Any) -> str:
        return html.escape(str(value).lower() if isinstance(value, bool) else _text(value))
    cells = "".join("<tr>" + "".join(f"<td>{shown(value)}</td>" for value in row) + "</tr>" for row in rows[:5])
    return f'<table class="dataset-table">{cells}</table>'


def display(component: Component | None, value: Any) -> dict[str, Any]:
    """How one cell shows `value`: {"text"}, {"check": bool}, {"color": "#..."} or {"html"}."""
    renderer = component.renderer if component is not None else None
    try:
        if renderer == "checkbox":
            return {"check": bool(value)}
        if renderer == "colorpicker" and isinstance(value, str):
            return {"color": value, "text": value}
        if renderer == "markdown" and component is not None:
            return {"html": (component.postprocess(value) or {}).get("html", "")}
        if renderer == "dataframe" and component is not None:
            return {"html": _mini_table(component.postprocess(value)["data"])}
        if renderer == "html" and isinstance(value, str):
            return {"html": value}  # as gr.HTML: the app's own HTML, not sanitized
        choices = getattr(component, "choices", None)
        if renderer in ("radio", "dropdown", "checkboxgroup") and choices:
            names = {repr(v): name for name, v in choices}
            shown = value if isinstance(value, list) and renderer in _LIST_RENDERERS else [value]
            return {"text": ", ".join(names.get(repr(v), _text(v)) for v in shown)}
    except Exception:  # noqa: BLE001 - a sample its component cannot show is shown as text
        pass
    return {"text": _text(value)}


class Dataset(Component, renderer="dataset"):
    """Clickable samples: a table (one row per sample, a column per component) or, for one component,
    a gallery of buttons; paged by `samples_per_page`.

    Its value is the index of the clicked sample; a listener gets, by `type`, the sample ("values"),
    its index ("index") or both ("tuple"). Return `gr.Dataset(samples=...)` to change the samples.
    """

    default_label = "Examples"  # what Gradio's page shows for a Dataset without a label
    click = EventListener("click", "Fires when the user clicks a sample.")
    select = EventListener("select", "Fires when the user clicks a sample; gr.SelectData has its index "
                                     "and value (the sample).")
    # proxy_url is set by gr.load(), which blocks does not have
    ignored_args = frozenset({"proxy_url"})
    args = {
        "value": Arg(None, prop=False),
        "label": Arg(None),
        "show_label": Arg(True, convert=lambda block, shown: shown is not False),
        "components": Arg(None, prop=False, convert=_components),
        "component_props": Arg(None, unhonoured="not supported yet: samples are shown with the props of `components`"),
        "samples": Arg(None, convert=_samples),
        "headers": None,
        "type": Arg("values", prop=False, one_of=("values", "index", "tuple")),
        "layout": Arg(None, one_of=(None, "gallery", "table")),
        "samples_per_page": 10,
        "sample_labels": None,
        "info": DROP,
        "interactive": Arg(None, prop=False),  # not Gradio's: samples are always clickable
    }
    positional = ()
    derived_props = ("cells", "column_headers", "shown_layout")
    components: list[Component]
    samples: list[list[Any]]

    def setup(self) -> None:
        super().setup()
        if self.layout == "gallery" and len(self.components) > 1:
            raise BlocksError(f"Dataset(layout='gallery') shows one component; it has {len(self.components)}. "
                              f"Use layout='table' (the default for several components).")
        if not isinstance(self.samples_per_page, int) or self.samples_per_page < 1:
            raise BlocksError(f"Dataset(samples_per_page={self.samples_per_page!r}): give a whole number of at "
                              f"least 1.")
        self.__dict__.update(self._derived(self.samples, self.headers, self.sample_labels))

    def _derived(self, samples: list[list[Any]], headers: Any, sample_labels: Any) -> dict[str, Any]:
        comps = self.components
        cells = [[display(comps[i] if i < len(comps) else None, value) for i, value in enumerate(sample)]
                 for sample in samples]
        if sample_labels is not None:
            cells = [[{"text": _text(label)}] for label in sample_labels]
        if headers is None:
            headers = [] if all(c.label is None for c in comps) else [c.label or "" for c in comps]
        single = len(comps) <= 1 or sample_labels is not None
        layout = self.layout or ("gallery" if single else "table")
        return {"cells": cells, "column_headers": list(headers), "shown_layout": layout}

    def props(self) -> dict[str, Any]:
        props = super().props()
        props["samples"] = _jsonable(props["samples"])
        return props

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        props = super().normalize_props(props)
        if {"samples", "headers", "sample_labels"} & set(props):
            samples = props.get("samples", self.samples)
            props.update(self._derived(samples, props.get("headers", self.headers),
                                       props.get("sample_labels", self.sample_labels)))
        return props

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        if payload >= len(self.samples):
            raise InvalidValueError(f"{self.describe()} has {len(self.samples)} samples; there is no sample "
                                    f"{payload}.")
        if self.type == "index":
            return payload
        sample = self.samples[payload]
        return (payload, sample) if self.type == "tuple" else sample

    def postprocess(self, value: Any) -> int | None:
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        if isinstance(value, (list, tuple)) and list(value) in self.samples:
            return self.samples.index(list(value))
        log.warning("%s: a listener returned %r, which is not one of its samples; return "
                    "gr.Dataset(samples=...) to change the samples.", self.describe(), value)
        return None

    def check_payload(self, payload: Any) -> int | None:
        if payload is not None and (isinstance(payload, bool) or not isinstance(payload, int) or payload < 0):
            raise self.bad_payload(payload, "the index of a sample")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "integer", "description": "index of the selected sample"}


__all__ = ["Dataset"]
