"""Tabs and Tab: panels of which one is shown at a time, chosen by a row of tab buttons."""

from __future__ import annotations

from typing import Any

from . import context
from .component import DROP, Arg, Block
from .container import BlockContext
from .events import EventListener

SELECT_DOC = "Fires when the user selects a tab; gr.SelectData gives its index and label (value)."


class Tabs(BlockContext, renderer="tabs"):
    """Holds Tab blocks and shows one of them: the tablist, then the selected tab's panel.

    Args:
        selected: the id of the tab shown (or its index when no tab has that id); None shows the
            first visible tab. A listener returning gr.Tabs(selected=...) switches tabs.
    """

    change = EventListener("change", "Fires when the user selects another tab.")
    select = EventListener("select", SELECT_DOC)
    args = {"selected": None,
            "overflow_behavior": Arg("menu", one_of=("menu", "wrap"),
                                     unhonoured="not supported yet: the tab buttons always wrap")}

    def setup(self) -> None:
        super().setup()
        self.implicit = False  # made by a Tab created outside any Tabs


class Tab(BlockContext, renderer="tab"):
    """One tab of a Tabs: its label is a tab button, its children the panel shown when it is selected.

    Created outside a Tabs, it joins an implicit Tabs (consecutive Tabs share one), as in Gradio.

    Args:
        label: the text of the tab button.
        interactive: False greys the button out and the tab cannot be selected.
        id: the name gr.Tabs(selected=...) uses for this tab (its index works too).
        render_children: mount its children with the page rather than when the tab is first shown.
    """

    select = EventListener("select", SELECT_DOC)
    container: type[Tabs] = Tabs  # the layout it belongs in (an implicit one is made around it)
    args = {"label": None, "visible": True, "interactive": True, "id": Arg(None, prop=False), "scale": None,
            "render_children": False,
            "alignment": Arg("left", one_of=("left", "right"),
                             unhonoured="not supported yet: tab buttons are listed left to right"),
            "height": None, "max_height": None}
    positional = ("label", "visible", "interactive")
    derived_props = ("tab_id",)

    def setup(self) -> None:
        super().setup()
        # `id` names the tab for Tabs(selected=); the block's own id is the tree's (given when added).
        self.tab_id: Any = self.id
        self.id = None

    def render(self) -> Block:
        """Add this tab to the open Tabs (Walkthrough for a Step), or to an implicit one under the open layout."""
        parent = context.current_parent()
        if context.current_blocks() is None or parent is None or isinstance(parent, self.container):
            return super().render()
        last = parent.children[-1] if parent.children else None
        if type(last) is self.container and last.implicit:
            tabs = last
        else:
            tabs = self.container()
            tabs.implicit = True
        with tabs:
            return super().render()


TabItem = Tab


class Walkthrough(Tabs, renderer="walkthrough"):
    """Holds Step blocks and shows one at a time, numbered: the steps before the selected one can be
    gone back to, the ones after it are reached only when a listener returns
    gr.Walkthrough(selected=<the step's id>).

    Args:
        selected: the id of the step shown (or its index); None shows the first.
    """

    args = {"overflow_behavior": DROP}


class Step(Tab):
    """One step of a Walkthrough: its label names the step, its children are shown while it is selected."""

    container = Walkthrough
