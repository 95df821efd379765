"""Multipage apps: `with demo.route("Name"):` adds a page at its own URL path, with its own
components and listeners; each page's config holds only its own (docs/architecture.md, Pages).

A page's path comes from its name as Gradio derives it ("Sign Up" -> "sign-up"); the main page
is "" and is named "Home" in the navbar unless its gr.Navbar says otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

from .errors import BlocksError

# Paths the server itself answers (and Gradio's own): a page there would be unreachable.
RESERVED = frozenset({
    "assets", "config", "ws", "api", "upload", "session", "login", "logout", "openapi.json", "vendor",
    "gradio_api", "theme.css", "robots.txt", "pwa_icon", "manifest.json", "svelte", "static", "favicon.ico",
    "monitoring",
})
_VALID_PATH = re.compile(r"^[a-zA-Z0-9\-._~!$&'()*+,;=:@\[\]]+$")


class Page(NamedTuple):
    """One page of an app: its URL path below the root, its name in the navbar, and whether it is listed there."""

    path: str
    name: str
    show_in_navbar: bool


MAIN = Page("", "Home", True)


def slugify(name: str) -> str:
    """A page name as a URL path, as Gradio makes it: ASCII, lower case, words joined by '-'."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s]+", "-", text).strip("-_")


def new_page(pages: list[Page], name: str, path: str | None, show_in_navbar: bool) -> Page:
    """The page `Blocks.route(name, path, show_in_navbar)` adds, checked against those there already."""
    where = f"demo.route({name!r}{'' if path is None else f', {path!r}'})"
    if path is not None:
        path = str(path).strip("/")
        if not _VALID_PATH.match(path):
            raise BlocksError(f"{where}: the path {path!r} has characters a URL path cannot hold as they are; use "
                              f"letters, digits and -._~!$&'()*+,;=:@[] only (e.g. {slugify(path) or 'about'!r}).")
        if path in RESERVED:
            raise BlocksError(f"{where}: /{path} is one of the server's own paths; give the page another path.")
    else:
        path = slugify(name)
        if not path:
            raise BlocksError(f"{where}: no URL path can be made from this name; pass one, e.g. "
                              f"demo.route({name!r}, '/page-2').")
        while path in RESERVED:  # as Gradio: a page named "Login" is served at /_login
            path = "_" + path
    taken = next((page for page in pages if page.path == path), None)
    if taken is not None:
        raise BlocksError(f"{where}: the path /{path} is already the page {taken.name!r}'s; give this page "
                          f"another name or path, e.g. demo.route({name!r}, '/{path}-2').")
    return Page(path, str(name), bool(show_in_navbar))


def navbar_config(pages: list[Page], current: str, navbar: Any) -> dict[str, Any]:
    """What the page's navbar needs: every page, which one this is, and the id of its gr.Navbar (or None)."""
    return {"pages": [list(page) for page in pages], "page": current,
            "id": navbar.id if navbar is not None else None}


__all__ = ["MAIN", "RESERVED", "Page", "navbar_config", "new_page", "slugify"]
