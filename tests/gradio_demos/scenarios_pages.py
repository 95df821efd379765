"""Scenarios of the multipage demos (Blocks.route, gr.Navbar).

"link" follows a navbar link by its name and waits for the new page; "back" is the browser's back
button. "nav" looks at the navbar: each link's text, where it leads (the path on this server, or the
whole URL elsewhere) and whether it is marked as the current page (Gradio's class "active", blocks'
aria-current); "hidden" when there is none shown. "url" is the page's path and query.

navbar_customization does not look right after "Hide Navbar": Gradio 6.31 keeps showing its navbar then
(the hidden Navbar component stops passing its props on), blocks hides it, as the button says.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit


def _settled(page: Any) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # the new page's app renders and connects after "load" (Gradio has no idle signal)


def _link(page: Any, name: str) -> None:
    with page.expect_navigation():
        page.locator("nav").get_by_role("link", name=name, exact=True).click()
    _settled(page)


def _back(page: Any, _target: Any = None) -> None:
    page.go_back()
    _settled(page)


def _choose(page: Any, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def _where(page: Any, href: str) -> str:
    here, there = urlsplit(page.url), urlsplit(href)
    if there.netloc != here.netloc:
        return href
    return there.path + (f"?{there.query}" if there.query else "")


def _nav(page: Any, _target: Any = None) -> Any:
    navs = [nav for nav in page.locator("nav").all() if nav.is_visible()]
    if not navs:
        return "hidden"
    return [[link.inner_text().strip(), _where(page, link.get_attribute("href") or ""),
             link.get_attribute("aria-current") == "page" or "active" in (link.get_attribute("class") or "").split()]
            for link in navs[0].get_by_role("link").all()]


def _url(page: Any, _target: Any = None) -> str:
    return _where(page, page.url)


ACTIONS = {"link": _link, "back": _back, "choose": _choose}
LOOKS = {"nav": _nav, "url": _url}

SCENARIOS = {
    "multipage": [("look", "nav", None), ("fill", "Name", "Ada"), ("click", "Greet"), ("look", "value", "Output Box"),
                  ("link", "Up"), ("look", "url", None), ("look", "nav", None), ("look", "button", "Increase"),
                  ("look", "value", "Name"), ("link", "Interface"), ("look", "url", None), ("look", "nav", None),
                  ("look", "value", "y"), ("back", None), ("look", "url", None),
                  ("look", "nav", None), ("back", None), ("look", "url", None), ("look", "nav", None),
                  ("look", "visible", "Name")],
    "navbar_customization": [("look", "nav", None), ("look", "text", "Dashboard Page"), ("click", "Hide Navbar"),
                             ("click", "Show Navbar"), ("look", "nav", None),
                             ("link", "Settings"), ("look", "url", None), ("look", "nav", None),
                             ("look", "text", "Settings Page"), ("back", None), ("look", "nav", None)],
    "navbar_query_params": [("look", "nav", None), ("choose", "Select an option", "Canada"), ("look", "url", None),
                            ("look", "nav", None), ("link", "Page 2"), ("look", "url", None), ("look", "nav", None),
                            ("look", "value", "Select a value")],
}
