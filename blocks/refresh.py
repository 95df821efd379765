"""A component's callable value, re-run: `every=` (seconds or a gr.Timer) and `inputs=`.

`gr.Textbox(value=fn, every=2, inputs=[a, b])` as in Gradio: one listener runs fn(a, b) into the
component at page load (when it has inputs; without them each new session already starts with
fn()), on each input's change, and on the tick of a hidden gr.Timer (every=2 makes one beside the
component; a gr.Timer given is used as it is). So a refresh takes the one event path and protocol
a Timer's tick does, reads that session's current input values, and stops with the page.
Component.render calls `attach` (a hook set here: component.py cannot import events).
"""

from __future__ import annotations

import logging
from typing import Any

from .component import Component
from .components.timer import Timer
from .errors import BlocksError
from .events import Trigger, _as_list, listen

log = logging.getLogger("blocks")


def attach(component: Component) -> None:
    """The listener that re-runs `component`'s callable value (its every= and inputs=)."""
    every, where = getattr(component, "every", None), f"{type(component).__name__}()"
    if not callable(component.value):
        log.warning("%s: every= and inputs= re-run a callable value; with value=%r they change nothing.",
                    where, component.value)
        return
    inputs = _as_list(component.inputs, "inputs", where)  # type: ignore[attr-defined]
    triggers = [Trigger(c, "change") for c in inputs if "change" in c.events]
    if every is not None:
        triggers.append(_timer(every, where).tick)  # type: ignore[attr-defined]
    if inputs:
        triggers.append(component.blocks.load)
    listen(triggers, component.value, inputs, [component],
           {"show_progress": "hidden", "api_name": False, "trigger_mode": "once"})


def _timer(every: Any, where: str) -> Timer:
    if isinstance(every, Timer):
        return every
    if isinstance(every, bool) or not isinstance(every, (int, float)) or every <= 0:
        raise BlocksError(f"{where}: every={every!r}; give the seconds between refreshes (a number above 0) "
                          f"or a gr.Timer.")
    return Timer(every)


Component.refresh = attach
