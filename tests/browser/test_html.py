"""gr.HTML in a browser: its own props updated by listeners, used as a container with @children,
and custom events named by js_on_load (the html_children and html_custom_event demos' idioms)."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_extra_props_are_updated_by_listeners_and_the_template_draws_again(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        counter = gr.HTML(html_template="<p>${count} clicks by ${who}</p>", count=0, who="nobody")
        gr.Button("Three").click(lambda: gr.HTML(count=3), None, counter)
        gr.Button("Ann").click(lambda: gr.update(count=5, who="Ann"), None, counter)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_text("0 clicks by nobody")).to_be_visible()
        page.get_by_role("button", name="Three").click()
        expect(page.get_by_text("3 clicks by nobody")).to_be_visible()
        page.get_by_role("button", name="Ann").click()
        expect(page.get_by_text("5 clicks by Ann")).to_be_visible()
        assert watched.messages("error") == []


def test_html_as_a_container_shows_its_children_at_children_and_scopes_its_css(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        with gr.HTML(html_template="<h2>${form_name}</h2> @children <button class='submit'>Send it</button>",
                     css_template="h2 { color: rgb(200, 0, 0); }",
                     js_on_load="element.querySelector('.submit').addEventListener('click', () => trigger('submit'))",
                     form_name="Custom Form") as form:
            name = gr.Textbox(label="Name")
            email = gr.Textbox(label="Email")
        gr.Markdown("## Outside")
        output = gr.Textbox(label="Output")
        form.submit(lambda n, e: f"Name: {n}, Email: {e}", [name, email], output)
        gr.Button("Rename").click(lambda: gr.HTML(form_name="Renamed"), None, form)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        heading = page.get_by_role("heading", name="Custom Form")
        expect(heading).to_be_visible()
        assert heading.evaluate("el => getComputedStyle(el).color") == "rgb(200, 0, 0)"
        outside = page.get_by_role("heading", name="Outside")
        assert outside.evaluate("el => getComputedStyle(el).color") != "rgb(200, 0, 0)"  # scoped
        # the children sit between the heading and the button, as the template places them
        order = page.evaluate("""() => [...document.querySelectorAll('h2, input, textarea, button.submit')]
            .map((el) => el.tagName === 'H2' ? el.textContent : el.getAttribute('aria-label')
                 || el.labels?.[0]?.textContent || el.textContent)""")
        assert order[:4] == ["Custom Form", "Name", "Email", "Send it"], order
        page.get_by_label("Name").fill("Ada")
        page.get_by_label("Email").fill("ada@example.com")
        page.get_by_role("button", name="Send it").click()
        expect(page.get_by_label("Output")).to_have_value("Name: Ada, Email: ada@example.com")
        page.get_by_role("button", name="Rename").click()  # drawn again: the children keep their values
        expect(page.get_by_role("heading", name="Renamed")).to_be_visible()
        expect(page.get_by_label("Name")).to_have_value("Ada")
        assert watched.messages("error") == []


def test_a_custom_event_named_in_js_on_load_has_listeners(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        keyboard = gr.HTML(js_on_load="document.addEventListener('keydown', (e) => trigger('keypress', {key: e.key}));")
        textbox = gr.Textbox(label="Key pressed")

        def get_key(evt_data: gr.EventData):
            return evt_data.key

        keyboard.keypress(get_key, None, textbox)
    with pytest.raises(AttributeError, match=r"trigger\('keydown_twice'\)"):
        keyboard.keydown_twice  # noqa: B018 - not named by js_on_load: no such event
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.keyboard.press("q")
        expect(page.get_by_label("Key pressed")).to_have_value("q")
        assert watched.messages("error") == []
