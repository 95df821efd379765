"""Scenarios for Gradio's deep link demos (gr.DeepLinkButton): chat, share, open the copied link.

The clipboard is allowed first ("allow_clipboard"); "copied_link" looks at the link copied, its id
(random here, a hash in Gradio) written as <id>; "open_copied_link" opens it in the same tab, a new
session, as a user pasting it would.
"""

from __future__ import annotations

import re
from typing import Any

CLIPBOARD = ["clipboard-read", "clipboard-write"]


def _allow_clipboard(page: Any, target: str) -> None:
    page.context.grant_permissions(CLIPBOARD)


def _copied(page: Any) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def _copied_link(page: Any, target: str) -> str:
    link = re.sub(r"^https?://[^/]+", "", _copied(page))
    return re.sub(r"deep_link=[A-Za-z0-9_-]+", "deep_link=<id>", link)


def _say(page: Any, text: str) -> None:
    """Write in the message box (the page's last textbox: the demo labels it in neither) and press Enter."""
    box = page.get_by_role("textbox").last
    box.fill(text)
    box.press("Enter")


def _share_button(page: Any) -> Any:
    """The button named by its label (in Gradio its icon's alt text is part of its name)."""
    return page.get_by_role("button", name="Share via Link")


def _click_share(page: Any, target: str) -> None:
    _share_button(page).click()


def _share_state(page: Any, target: str) -> str:
    button = _share_button(page)
    return "absent" if not button.count() else "enabled" if button.is_enabled() else "disabled"


def _open_copied_link(page: Any, target: str) -> None:
    page.goto(_copied(page))
    page.wait_for_timeout(3000)


ACTIONS = {"allow_clipboard": _allow_clipboard, "say": _say, "click_share": _click_share,
           "open_copied_link": _open_copied_link}
LOOKS = {"copied_link": _copied_link, "share_button": _share_state}

SCENARIOS = {
    "deep_link": [("allow_clipboard", ""), ("say", "hello"), ("sleep", 1), ("look", "chat_roles", "log"),
                  ("look", "share_button", ""), ("click_share", ""), ("sleep", 2),
                  ("look", "copied_link", ""), ("look", "share_button", ""), ("open_copied_link", ""),
                  ("look", "chat_roles", "log"), ("look", "text", "hello")],
    # Not replayed: a message sent after opening the link. Gradio's answer then forgets the shared turns
    # (its history is a gr.State, which no link restores); blocks's goes on from them (State.deep_link_source).
}
