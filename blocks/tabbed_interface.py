"""gr.TabbedInterface: several Interfaces (or Blocks) as the Tabs of one app.

Each given app's tree is moved into a Tab of the new Blocks (graft.py): the given apps are consumed,
serve the TabbedInterface, not them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import context
from .app import Blocks
from .components import Markdown
from .errors import BlocksError
from .graft import graft
from .tabs import Tab, Tabs


class TabbedInterface(Blocks):
    """Interfaces (or Blocks) shown as Tabs of one page.

    Args:
        interface_list: the apps, one per tab.
        tab_names: the tabs' labels (default "Tab 0", "Tab 1", ...).
        title: an h1 above the tabs, and the page's title.
        tabs_kwargs: arguments of the gr.Tabs holding them.
        **kwargs: passed to gr.Blocks (theme, css, js, head ...).
    """

    def __init__(self, interface_list: Sequence[Blocks], tab_names: list[str] | None = None,
                 title: str | None = None, analytics_enabled: bool | None = None,
                 tabs_kwargs: dict[str, Any] | None = None, **kwargs: Any):
        super().__init__(title=title or "Gradio", fill_height=kwargs.pop("fill_height", True), **kwargs)
        apps = list(interface_list)
        for index, app in enumerate(apps):
            if not isinstance(app, Blocks):
                raise BlocksError(f"TabbedInterface(interface_list=...): item {index} is {app!r}; give a list of "
                                  f"gr.Interface or gr.Blocks.")
            if apps.index(app) != index or (app.children == [] and app.dependencies == []):
                raise BlocksError(f"TabbedInterface(interface_list=...): item {index} is empty or already used; "
                                  f"each app can be shown in one tab only.")
        names = list(tab_names) if tab_names is not None else [f"Tab {i}" for i in range(len(apps))]
        if len(names) != len(apps):
            raise BlocksError(f"TabbedInterface(tab_names=...): {len(names)} names for {len(apps)} apps; give one "
                              f"name per app.")
        self.interface_list = apps
        outer = context.current_blocks()
        token = context.open_root(self)  # built as an app of its own, even inside a `with gr.Blocks()`
        try:
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
            with Tabs(**(tabs_kwargs or {})):
                for app, name in zip(apps, names):
                    with Tab(label=name, scale=1 if app.fill_height else None) as tab:
                        graft(app, self, tab)
        finally:
            context.close_root(token)
        self.validate()
        if outer is not None:  # as Gradio (and gr.Interface): made inside a Blocks, it shows there
            self.render()
