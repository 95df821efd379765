"""gr.Markdown in a browser: a raw-HTML link stays a link, a raw <script> never runs, $$x^2$$ is math."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_markdown_keeps_links_drops_scripts_and_renders_math(context: BrowserContext) -> None:
    with gr.Blocks(title="Notes") as demo:
        gr.Markdown("""
            # Notes
            See <a href="https://example.org/docs">the docs</a>.
            <script>document.title = "owned"</script>
            <img src="missing.png" onerror="document.title = 'handler ran'" alt="chart">

            Area: $$x^2$$
            """)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_role("heading", name="Notes")).to_be_visible()
        expect(page.get_by_role("link", name="the docs")).to_have_attribute("href", "https://example.org/docs")
        math = page.locator("math")
        expect(math).to_have_count(1)
        expect(math.locator("msup")).to_have_text("x2")
        # The image's load has failed (so its onerror, if kept, has run) once it is complete. A <script>
        # put in with innerHTML never runs anyway; the handler is what the sanitizer must remove.
        page.wait_for_function("() => document.querySelector('img[alt=chart]')?.complete")
        assert page.locator("script", has_text="owned").count() == 0
        assert page.title() == "Notes"
        assert [m for m in watched.messages("error") if "missing.png" not in m] == []  # its 404 is expected


def test_the_copy_button_copies_the_markdown_source_and_fires_copy(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        notes = gr.Markdown("This is **bold** text.", buttons=["copy"])
        plain = gr.Markdown("No button here.")
        copied = gr.Textbox(label="Copied text")

        def on_copy(data: gr.CopyData) -> str:
            return data.value

        notes.copy(on_copy, None, copied)
        demo.load(lambda: "Now **changed**.", None, notes)
    with serve(demo) as url:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        page, watched = open_app(context, url)
        expect(page.get_by_text("changed")).to_be_visible()
        expect(page.get_by_role("button", name="Copy Markdown")).to_have_count(1)  # not on the plain one
        page.get_by_role("button", name="Copy Markdown").click()
        expect(page.get_by_role("button", name="Copied", exact=True)).to_be_visible()
        assert page.evaluate("navigator.clipboard.readText()") == "Now **changed**."
        expect(page.get_by_label("Copied text")).to_have_value("Now **changed**.")
        assert plain is not None and watched.messages("error") == []
