"""gr.DuplicateButton in a browser: shown as Gradio's "Duplicate Space"; on a Space a click opens the
Space's duplicate page in a new tab, elsewhere it does nothing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Route, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def _stub_hugging_face(context: BrowserContext) -> list[str]:
    opened: list[str] = []

    def answer(route: Route) -> None:  # no network in tests: the tab gets a stand-in page
        opened.append(route.request.url)
        route.fulfill(body="<title>Duplicate</title>", content_type="text/html")

    context.route("https://huggingface.co/**", answer)
    return opened


def test_on_a_space_a_click_opens_the_duplicate_page(context: BrowserContext, monkeypatch) -> None:
    monkeypatch.setenv("SYSTEM", "spaces")
    monkeypatch.setenv("SPACE_ID", "alice/painter")
    with gr.Blocks() as demo:
        gr.DuplicateButton()
    opened = _stub_hugging_face(context)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        button = page.get_by_role("button", name="Duplicate Space")
        expect(button).to_have_class(re.compile(r"\bhuggingface\b.*\bsm\b"))
        with context.expect_page() as new_tab:
            button.click()
        new_tab.value.wait_for_load_state()
        assert new_tab.value.url == "https://huggingface.co/spaces/alice/painter?duplicate=true"
        assert opened == [new_tab.value.url]
        assert watched.messages("error") == []


def test_outside_a_space_it_is_shown_and_does_nothing(context: BrowserContext, monkeypatch) -> None:
    monkeypatch.delenv("SYSTEM", raising=False)
    with gr.Blocks() as demo:
        gr.DuplicateButton()
    opened = _stub_hugging_face(context)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Duplicate Space").click()
        page.wait_for_timeout(300)  # a window.open runs at once on click; 300 ms is ample to see none
        assert len(context.pages) == 1 and opened == []
        assert watched.messages("error") == []
