"""Layouts: Row, Column, Group, Accordion and Sidebar arrange the blocks created inside them
(Tabs and Tab are in tabs.py)."""

from __future__ import annotations

from .component import Arg
from .container import BlockContext
from .events import EventListener

VARIANTS = ("default", "panel", "compact")


class Row(BlockContext):
    """Children side by side, wrapping on narrow screens.

    Args:
        variant: "default", "panel" or "compact".
        equal_height: stretch children to the tallest one.
    """

    renderer = "row"
    args = {"variant": Arg("default", one_of=VARIANTS), "equal_height": False, "height": None,
            "max_height": None, "min_height": None, "scale": Arg(None, prop=False),
            "show_progress": Arg(False, unhonoured="not supported yet: a Row shows no progress")}


class Column(BlockContext):
    """Children stacked vertically; inside a Row, `scale` sets the share of width."""

    renderer = "column"
    args = {"scale": 1, "min_width": 320, "variant": Arg("default", one_of=VARIANTS),
            "show_progress": Arg(False, unhonoured="not supported yet: a Column shows no progress")}
    positional = ("scale", "min_width")


class Group(BlockContext):
    """Children drawn as one block, without gaps between them."""

    renderer = "group"


OPEN_DOC = "Fires when the user opens it."
CLOSE_DOC = "Fires when the user closes it."


class Accordion(BlockContext, renderer="accordion"):
    """A collapsible section: a native `<details>` whose `<summary>` shows the label.

    Args:
        label: the text of the summary line.
        open: shown open (True) or closed; a listener returning gr.Accordion(open=False) closes it.
    """

    expand = EventListener("expand", OPEN_DOC)
    collapse = EventListener("collapse", CLOSE_DOC)
    args = {"label": None, "open": True, "height": None, "max_height": None}
    positional = ("label",)


class Sidebar(BlockContext, renderer="sidebar"):
    """A panel at the left or right edge of the page, opened and closed by its toggle button.

    Args:
        label: the panel's accessible name (and the toggle's).
        open: shown open (True) or closed.
        width: the panel's width, in pixels or as a CSS length.
        position: "left" or "right".
    """

    expand = EventListener("expand", OPEN_DOC)
    collapse = EventListener("collapse", CLOSE_DOC)
    args = {"label": None, "open": True, "width": 320, "position": Arg("left", one_of=("left", "right"))}
    positional = ("label",)


class Draggable(BlockContext, renderer="draggable"):
    """Children the user may reorder, as Gradio's: each has a handle to drag it by, or to move it
    with the arrow keys (Home / End: first / last). The order is the page's own: listeners and the
    server see the children as built.

    Args:
        orientation: "column" (stacked, the default) or "row" (side by side).
    """

    args = {"orientation": Arg("column", one_of=("row", "column"))}
