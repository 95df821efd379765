"""gr.HTML: HTML shown as given, or made from templates, with its own props and events; also a
container (`with gr.HTML(html_template="... @children ..."):`), as Gradio 6's."""

from __future__ import annotations

import re
from typing import Any

from ..component import Arg, Component
from ..container import BlockContext
from ..events import CHANGE_DOC, EventListener, Trigger


def _size(block: Any, value: Any) -> Any:
    return f"{value}px" if isinstance(value, (int, float)) else value


class HTML(Component, BlockContext, renderer="html"):
    """HTML shown as given (not sanitized, as Gradio's), or made from `html_template` / `css_template`,
    JavaScript template literals that see `value` and the props (`${count}` for `gr.HTML(count=0)`;
    listeners update them with `gr.HTML(count=3)` or `gr.update(count=3)`). `css_template` applies
    within this component. `js_on_load` runs with `element`, `props` and `trigger(event, data)`; any
    event it names in quotes (`trigger('keypress')`) can have listeners (`html.keypress(fn, ...)`).
    Components created inside `with gr.HTML(...)` are shown where the template says `@children`."""

    takes_input = False
    open_props = True  # Gradio's gr.HTML(**props): undeclared arguments are props the templates see
    change = EventListener("change", CHANGE_DOC)
    click = EventListener("click", "Fires when the user clicks the HTML.")
    ignored_args = frozenset({"props"})  # Gradio's own name for the **props dict; ours is Block.props()
    args = {"server_functions": Arg(None, unhonoured="not supported yet: js_on_load cannot call Python functions"),
            "autoscroll": Arg(False, unhonoured="not supported yet: the HTML does not scroll to its end"),
            "value": None, "show_label": Arg(False, convert=lambda block, shown: shown is True),
            "min_height": Arg(None, convert=_size), "max_height": Arg(None, convert=_size),
            "container": False, "padding": False, "html_template": "${value}", "css_template": "",
            "js_on_load": "element.addEventListener('click', function() { trigger('click') });",
            "apply_default_css": True, "head": Arg(None, unhonoured="not supported yet: nothing is added to <head>")}

    def setup(self) -> None:
        BlockContext.setup(self)  # children, when used as `with gr.HTML(...)`
        Component.setup(self)

    def props(self) -> dict[str, Any]:
        return {**self.__dict__.get("extra_props", {}), **super().props()}

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def check_payload(self, payload: Any) -> str:
        if not isinstance(payload, str):
            raise self.bad_payload(payload, "a string of HTML")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def __getattr__(self, name: str) -> Any:
        """A custom event that js_on_load triggers (its name in quotes there), as Gradio allows."""
        script = self.__dict__.get("js_on_load") or ""
        if not name.startswith("_") and re.search(rf"""['"`]{re.escape(name)}['"`]""", script):
            return Trigger(self, name)
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'. If '{name}' is a custom "
                             f"event, name it in quotes in js_on_load, e.g. trigger('{name}').")


# Gradio's HTML has every event of Gradio's components; js_on_load's `trigger(name)` fires them.
for _event in ("input", "double_click", "submit", "stop", "edit", "clear", "focus", "blur", "release", "select",
               "key_up", "expand", "collapse", "copy", "load", "delete", "apply", "undo", "retry", "like", "upload",
               "download", "end", "example_select", "option_select", "pause", "pause_recording", "play",
               "start_recording", "stop_recording", "stream", "tick"):
    _listener = EventListener(_event, f"Fires when the HTML's js_on_load calls trigger('{_event}').")
    _listener.__set_name__(HTML, _event)
    setattr(HTML, _event, _listener)
