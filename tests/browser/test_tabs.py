"""gr.Tabs / gr.Tab in a browser: one panel shown, switched by clicks, keys and listeners."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser
DEMOS = Path("/work/shared/gradio-demos")


def tabs_demo() -> gr.Blocks:
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("Text", id="text") as text_tab:
                name = gr.Textbox(label="Name", value="Ada")
            with gr.Tab("Numbers", id="numbers") as numbers_tab:
                count = gr.Number(label="Count", value=3)
            with gr.Tab("Secret", id="secret", render_children=True) as secret_tab:
                gr.Markdown("Hidden treasure")
        picked = gr.Textbox(label="Picked")
        tab_picked = gr.Textbox(label="Tab picked")
        echo = gr.Textbox(label="Echo")
        go = gr.Button("Go to Numbers")
        hide = gr.Button("Hide Secret")
        lock = gr.Button("Lock Text")
        read = gr.Button("Read both")
        bump = gr.Button("Set count")

        def on_select(evt: gr.SelectData) -> str:
            return f"{evt.index} {evt.value} {evt.selected}"

        tabs.select(on_select, None, picked)
        def on_tab(evt: gr.SelectData) -> str:
            return f"numbers {evt.index}"

        numbers_tab.select(on_tab, None, tab_picked)
        go.click(lambda: gr.Tabs(selected="numbers"), None, tabs)
        hide.click(lambda: gr.Tab(visible=False), None, secret_tab)
        lock.click(lambda: gr.Tab(interactive=False), None, text_tab)
        read.click(lambda n, c: f"{n} {c}", [name, count], echo)
        bump.click(lambda: gr.Number(value=42, label="Count (set)"), None, count)
    return demo


def test_one_panel_shows_and_clicks_switch_with_select_data(context: BrowserContext) -> None:
    with serve(tabs_demo()) as url:
        page, watched = open_app(context, url)
        text, numbers = page.get_by_role("tab", name="Text"), page.get_by_role("tab", name="Numbers")
        expect(text).to_have_attribute("aria-selected", "true")
        expect(numbers).to_have_attribute("aria-selected", "false")
        expect(page.get_by_role("tabpanel")).to_have_count(1)  # the hidden ones are not exposed
        expect(page.get_by_label("Name")).to_be_visible()
        expect(page.get_by_label("Count")).to_have_count(0)  # mounted when first shown, as Gradio's
        expect(page.get_by_text("Hidden treasure")).to_be_attached()  # render_children=True: mounted now
        expect(page.get_by_text("Hidden treasure")).to_be_hidden()
        numbers.click()
        expect(numbers).to_have_attribute("aria-selected", "true")
        expect(page.get_by_label("Count")).to_be_visible()
        expect(page.get_by_label("Name")).to_be_hidden()
        expect(page.get_by_label("Picked", exact=True)).to_have_value("1 Numbers True")
        expect(page.get_by_label("Tab picked")).to_have_value("numbers 1")
        panel = page.get_by_role("tabpanel")
        expect(panel).to_have_attribute("aria-labelledby", numbers.get_attribute("id"))
        assert numbers.get_attribute("aria-controls") == panel.get_attribute("id")
        assert watched.messages("error") == []


def test_arrow_keys_move_between_tabs(context: BrowserContext) -> None:
    with serve(tabs_demo()) as url:
        page, _ = open_app(context, url)
        page.get_by_role("tab", name="Text").focus()
        page.keyboard.press("ArrowRight")
        expect(page.get_by_role("tab", name="Numbers")).to_be_focused()
        expect(page.get_by_role("tab", name="Numbers")).to_have_attribute("aria-selected", "true")
        page.keyboard.press("End")
        expect(page.get_by_role("tab", name="Secret")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_text("Hidden treasure")).to_be_visible()
        page.keyboard.press("ArrowRight")  # wraps around
        expect(page.get_by_role("tab", name="Text")).to_have_attribute("aria-selected", "true")


def test_listeners_select_hide_and_lock_tabs(context: BrowserContext) -> None:
    with serve(tabs_demo()) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Go to Numbers").click()
        expect(page.get_by_role("tab", name="Numbers")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_label("Count")).to_be_visible()
        page.get_by_role("button", name="Hide Secret").click()
        expect(page.get_by_role("tab", name="Secret")).to_be_hidden()
        page.get_by_role("button", name="Lock Text").click()
        expect(page.get_by_role("tab", name="Text")).to_be_disabled()
        expect(page.get_by_role("tab", name="Numbers")).to_have_attribute("aria-selected", "true")
        assert watched.messages("error") == []


def test_values_of_unshown_tabs_still_reach_listeners(context: BrowserContext) -> None:
    with serve(tabs_demo()) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Name").fill("Grace")
        page.get_by_role("button", name="Read both").click()  # Count's tab was never shown
        expect(page.get_by_label("Echo")).to_have_value("Grace 3")
        assert watched.messages("error") == []


def test_consecutive_tabs_outside_tabs_share_one_tablist(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        with gr.Tab("First"):
            gr.Markdown("first panel")
        with gr.TabItem("Second"):
            gr.Markdown("second panel")
        gr.Markdown("between")
        with gr.Tab("Third"):
            gr.Markdown("third panel")
    with serve(demo) as url:
        page, _ = open_app(context, url)
        expect(page.get_by_role("tablist")).to_have_count(2)
        expect(page.get_by_role("tablist").first.get_by_role("tab")).to_have_count(2)
        expect(page.get_by_role("tabpanel")).to_have_count(2)
        expect(page.get_by_text("first panel")).to_be_visible()
        expect(page.get_by_text("third panel")).to_be_visible()
        page.get_by_role("tab", name="Second").click()
        expect(page.get_by_text("second panel")).to_be_visible()
        expect(page.get_by_text("first panel")).to_be_hidden()


def test_updates_to_an_unshown_tab_show_when_it_is_opened(context: BrowserContext) -> None:
    with serve(tabs_demo()) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Set count").click()  # Count is not mounted yet
        expect(page.get_by_label("Echo")).to_have_value("")
        page.get_by_role("button", name="Read both").click()
        expect(page.get_by_label("Echo")).to_have_value("Ada 42")
        page.get_by_role("tab", name="Numbers").click()
        expect(page.get_by_label("Count (set)")).to_have_value("42")
        assert watched.messages("error") == []


def gradio_demo(name: str) -> dict:
    """Run Gradio's demo `name` with `import blocks as gr`; its globals (demo and the rest)."""
    if not (DEMOS / name / "run.py").is_file():
        pytest.skip(f"Gradio's demos are not in {DEMOS}")
    source = (DEMOS / name / "run.py").read_text().replace("import gradio as gr", "import blocks as gr")
    namespace: dict = {"__name__": f"gradio_demo_{name}"}
    exec(compile(source, f"{name}/run.py", "exec"), namespace)
    return namespace


def test_gradio_tabs_demo(context: BrowserContext) -> None:
    """Gradio's tabs demo: nested Tabs, ids, a locked tab, Tab and Tabs select (checked against Gradio 6)."""
    with serve(gradio_demo("tabs")["demo"]) as url:
        page, watched = open_app(context, url)
        selected = page.locator("[role=tab][aria-selected=true]:visible")
        expect(selected).to_have_text(["Set 1", "Tab 3"])  # Tabs(selected="a3")
        expect(page.get_by_role("tab", name="Locked Tab")).to_be_disabled()
        page.get_by_role("tab", name="Tab 5").click()
        expect(page.get_by_label("Selected Tab")).to_have_value("Tab 5")
        expect(page.get_by_label("Outer Container Tab")).to_have_value("")
        page.get_by_role("tab", name="Set 2").click()
        expect(page.get_by_label("Outer Container Tab")).to_have_value("Set 2")
        expect(page.get_by_text("Text 11!")).to_be_visible()
        page.get_by_role("tab", name="Set 1").click()
        number = page.get_by_label("Select Tab #")
        number.fill("6")
        number.press("Enter")
        expect(selected).to_have_text(["Set 1", "Tab 6"])
        expect(page.get_by_text("Text 6!")).to_be_visible()
        page.get_by_role("button", name="Unlock Tab").click()
        expect(page.get_by_role("tab", name="Locked Tab")).to_be_enabled()
        page.get_by_role("tab", name="Locked Tab").click()
        expect(page.get_by_text("This tab was unlocked!")).to_be_visible()
        assert watched.messages("error") == []


def test_gradio_accordion_tab_switch_demo(context: BrowserContext) -> None:
    with serve(gradio_demo("accordion_tab_switch")["demo"]) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Name")).to_be_hidden()
        page.get_by_role("checkbox", name="Accordion Open").check()
        expect(page.get_by_label("Name")).to_be_visible()
        page.get_by_role("button", name="Switch to Tab 2").click()
        expect(page.get_by_role("tab", name="Tab 2")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_text("This is Tab 2 content.")).to_be_visible()
        assert watched.messages("error") == []


def test_which_events_fire_when_as_in_gradio(context: BrowserContext) -> None:
    """Checked against Gradio 6: the first tab's select fires on load; a click fires Tabs.select,
    Tabs.change and the Tab's select, a click on the selected tab nothing; a listener switching
    tabs fires Tabs.change and the Tab's select."""
    fired: list[str] = []
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("A", id="a") as tab_a:
                gr.Markdown("a")
            with gr.Tab("B", id="b") as tab_b:
                gr.Markdown("b")
        out = gr.Textbox(label="Fired")
        go = gr.Button("Go to B")

        def note(name: str):  # type: ignore[no-untyped-def]
            def record(evt: gr.EventData) -> str:
                fired.append(name)
                return " ".join(fired)
            return record

        tabs.select(note("tabs.select"), None, out)
        tabs.change(note("tabs.change"), None, out)
        tab_a.select(note("a.select"), None, out)
        tab_b.select(note("b.select"), None, out)
        go.click(lambda: gr.Tabs(selected="b"), None, tabs)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Fired")).to_have_value("a.select")
        page.get_by_role("tab", name="B").click()
        expect(page.get_by_label("Fired")).to_have_value("a.select tabs.select tabs.change b.select")
        page.get_by_role("tab", name="B").click()
        page.get_by_role("tab", name="A").click()
        expect(page.get_by_label("Fired")).to_have_value(
            "a.select tabs.select tabs.change b.select tabs.select tabs.change a.select")
        fired.clear()
        page.get_by_role("button", name="Go to B").click()
        expect(page.get_by_label("Fired")).to_have_value("tabs.change b.select")
        assert watched.messages("error") == []
