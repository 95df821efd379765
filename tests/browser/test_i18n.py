"""gr.I18n in Chromium: a French browser sees the French labels, button and Markdown; an English one the
English; a language without translations falls back to English; a missing key shows the key."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_the_page_is_shown_in_the_browser_language(new_context: Callable[..., BrowserContext]) -> None:
    i18n = gr.I18n(en={"name": "Your Name", "go": "Greet", "hi": "Welcome"},
                   fr={"name": "Votre Nom", "go": "Saluer", "hi": "Bienvenue"})
    with gr.Blocks() as demo:
        gr.Markdown(i18n("hi"))
        name = gr.Textbox(label=i18n("name"))
        out = gr.Textbox(label=i18n("missing"))
        gr.Button(i18n("go")).click(lambda n: "hello " + n, name, out)
    with serve(demo, i18n=i18n) as url:
        french, _ = open_app(new_context(locale="fr-FR"), url)
        expect(french.get_by_text("Bienvenue")).to_be_visible()
        french.get_by_label("Votre Nom").fill("Ada")
        french.get_by_role("button", name="Saluer").click()
        expect(french.get_by_label("missing")).to_have_value("hello Ada")
        for locale in ("en-US", "ja-JP"):
            page, _ = open_app(new_context(locale=locale), url)
            expect(page.get_by_text("Welcome")).to_be_visible()
            expect(page.get_by_role("button", name="Greet")).to_be_visible()
            expect(page.get_by_label("Your Name")).to_be_visible()
