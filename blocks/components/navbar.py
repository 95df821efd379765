"""Navbar: how a multipage app's navigation bar looks on one page (Blocks.route adds the pages)."""

from __future__ import annotations

from typing import Any

from ..component import DROP, Arg, Component
from ..errors import BlocksError, InvalidValueError
from ..events import CHANGE_DOC, EventListener
from ..limits import short_repr


def _main_page_name(block: Any, name: Any) -> Any:
    if name is False or isinstance(name, str):
        return name
    raise BlocksError(f"gr.Navbar(main_page_name={short_repr(name)}): give the main page's name in the navbar, "
                      f"or False to leave it out.")


class Navbar(Component, renderer="navbar"):
    """The navigation bar of a multipage app as this page shows it: a `<nav>` above the page with a link
    to each page (the current one marked aria-current), wherever the Navbar is created on the page.
    Its value adds links: [(name, path)], a path of this app ("settings") or an absolute URL (opened
    in a new tab). One per page; with a single page there is no navbar, as in Gradio."""

    takes_input = False
    interactive = False  # not an argument, as in Gradio: nothing on it is editable
    navbar = True  # drawn above the page rather than in its layout (Blocks._layout)
    change = EventListener("change", CHANGE_DOC)
    args = {"value": None, "main_page_name": Arg("Home", convert=_main_page_name),
            **{name: DROP for name in ("label", "info", "show_label", "interactive", "scale", "min_width",
                                       "container", "buttons", "every", "inputs")}}

    def postprocess(self, value: Any) -> list[list[str]] | None:
        if value is None:
            return None
        links = list(value) if isinstance(value, (list, tuple)) else None
        if links is None or not all(isinstance(link, (list, tuple)) and len(link) == 2
                                    and all(isinstance(part, str) for part in link) for link in links):
            raise InvalidValueError(f"{self.describe()}: its value is a list of (name, path) pairs of strings, e.g. "
                                    f"[('About', 'https://example.com')]; got {short_repr(value)}.")
        return [[name, path] for name, path in links]

    def check_payload(self, payload: Any) -> Any:
        raise self.bad_payload(payload, "no value from the page (a Navbar only shows links)")
