"""Multipage apps in a browser: Blocks.route pages reached by the navbar's links, each with its own
listeners, the back button, and gr.Navbar's links and updates."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve, wait_ready

pytestmark = pytest.mark.browser


def two_pages() -> gr.Blocks:
    with gr.Blocks(title="Two pages") as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        gr.Button("Greet").click(lambda text: f"Hello {text}!", name, greeting)
    with demo.route("Counter Page") as counter_page:
        count = gr.Number(label="Count", value=0)
        gr.Button("Add one").click(lambda n: n + 1, count, count)
        counter_page.load(lambda: 10, None, count)  # this page's load only
    return demo


def test_navbar_links_lead_to_each_page_whose_listeners_work_and_back_returns(context: BrowserContext) -> None:
    with serve(two_pages()) as url:
        page, watched = open_app(context, url)
        nav = page.get_by_role("navigation", name="Pages")
        expect(nav.get_by_role("link")).to_have_text(["Home", "Counter Page"])
        expect(nav.get_by_role("link", name="Home")).to_have_attribute("aria-current", "page")
        expect(page.get_by_label("Count")).to_have_count(0)  # the other page's components are not here
        page.get_by_label("Name").fill("Ada")
        page.get_by_role("button", name="Greet").click()
        expect(page.get_by_label("Greeting")).to_have_value("Hello Ada!")

        nav.get_by_role("link", name="Counter Page").click()
        expect(page).to_have_url(re.compile(r"/counter-page$"))
        wait_ready(page)
        expect(page.get_by_label("Count")).to_have_value("10")  # its load ran, the main page's did not matter
        expect(page.get_by_label("Name")).to_have_count(0)
        current = page.get_by_role("navigation", name="Pages").get_by_role("link", name="Counter Page")
        expect(current).to_have_attribute("aria-current", "page")
        page.get_by_role("button", name="Add one").click()
        expect(page.get_by_label("Count")).to_have_value("11")

        page.go_back()
        expect(page).to_have_url(re.compile(r":\d+/$"))
        wait_ready(page)
        expect(page.get_by_label("Name")).to_be_visible()
        page.get_by_label("Name").fill("Bo")
        page.get_by_role("button", name="Greet").click()
        expect(page.get_by_label("Greeting")).to_have_value("Hello Bo!")
        assert watched.messages("error") == []
        assert len(set(watched.sessions)) == 3  # a session per page visit


def test_gr_navbar_names_the_main_page_adds_links_and_hides_on_update(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        navbar = gr.Navbar(value=[("About", "https://example.com/about")], main_page_name="Dashboard")
        gr.Markdown("# Dashboard Page")
        gr.Button("Hide Navbar").click(lambda: gr.Navbar(visible=False), outputs=navbar)
    with demo.route("Settings", "/settings"):
        gr.Markdown("# Settings Page")
    with serve(demo) as url:
        page, watched = open_app(context, url)
        nav = page.get_by_role("navigation", name="Pages")
        expect(nav.get_by_role("link")).to_have_text(["Dashboard", "Settings", "About"])
        about = nav.get_by_role("link", name="About")
        expect(about).to_have_attribute("href", "https://example.com/about")
        expect(about).to_have_attribute("target", "_blank")
        page.get_by_role("button", name="Hide Navbar").click()
        expect(nav).to_be_hidden()
        page.goto(url + "settings")  # a page without a gr.Navbar: Gradio's defaults
        wait_ready(page)
        expect(page.get_by_role("heading", name="Settings Page")).to_be_visible()
        expect(page.get_by_role("navigation", name="Pages").get_by_role("link")).to_have_text(["Home", "Settings"])
        assert watched.messages("error") == []


def test_a_single_page_app_has_no_navbar_and_loads_no_navbar_module(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.Navbar(main_page_name="Only")  # as in Gradio: no navbar with one page
        gr.Textbox(label="Echo")
    with serve(demo) as url:
        page = context.new_page()
        loaded: list[str] = []
        page.on("request", lambda request: loaded.append(request.url))
        page.goto(url)
        wait_ready(page)
        expect(page.get_by_label("Echo")).to_be_visible()
        expect(page.get_by_role("navigation")).to_have_count(0)
        assert not [u for u in loaded if "navbar" in u]
