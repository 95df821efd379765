"""Events of layouts (Tabs, Tab, Accordion) go through the page's event path; listeners update them."""

from __future__ import annotations

from typing import Any

import pytest

import blocks as gr

from .conftest import Page, value


@pytest.fixture
def tabs_app() -> dict[str, Any]:
    with gr.Blocks() as demo:
        with gr.Tabs(selected="b") as tabs:
            with gr.Tab("Alpha", id="a") as alpha:
                name = gr.Textbox(label="Name")
            with gr.Tab("Beta", id="b") as beta:
                gr.Markdown("beta")
        out = gr.Textbox(label="Out")
        go = gr.Button("Go")
        hide = gr.Button("Hide")

        def picked(evt: gr.SelectData) -> str:
            return f"{evt.index}|{evt.value}|{evt.selected}"

        def alpha_picked(name_value: str, evt: gr.SelectData) -> str:
            return f"alpha {name_value} {evt.index}"

        tabs.select(picked, None, out)
        alpha.select(alpha_picked, [name], out)
        go.click(lambda: gr.Tabs(selected=0), None, tabs)
        hide.click(lambda: gr.Tab(visible=False, label="Gone"), None, beta)
    return {"demo": demo, "tabs": tabs, "alpha": alpha, "beta": beta, "name": name, "out": out,
            "go": go, "hide": hide}


def test_tabs_select_gives_select_data(serve: Any, tabs_app: dict[str, Any]) -> None:
    page = Page(serve(tabs_app["demo"]))
    reply = page.event(tabs_app["tabs"], "select", data={"index": 1, "value": "Beta", "selected": True})
    assert value(reply, tabs_app["out"]) == "1|Beta|True"


def test_tab_select_reads_inputs_of_the_tabs(serve: Any, tabs_app: dict[str, Any]) -> None:
    page = Page(serve(tabs_app["demo"]))
    reply = page.event(tabs_app["alpha"], "select", values={tabs_app["name"]: "Ada"},
                       data={"index": 0, "value": "Alpha", "selected": True})
    assert value(reply, tabs_app["out"]) == "alpha Ada 0"


def test_listeners_update_selected_and_tab_props(serve: Any, tabs_app: dict[str, Any]) -> None:
    page = Page(serve(tabs_app["demo"]))
    assert page.event(tabs_app["go"])[str(tabs_app["tabs"].id)] == {"selected": 0}
    assert page.event(tabs_app["hide"])[str(tabs_app["beta"].id)] == {"visible": False, "label": "Gone"}


def test_a_hidden_tab_refuses_its_events(serve: Any, tabs_app: dict[str, Any]) -> None:
    page = Page(serve(tabs_app["demo"]))
    page.event(tabs_app["hide"])
    page.event(tabs_app["beta"], "select", wait=False)
    assert page.recv()["type"] == "error"  # refused: the page shows no such tab


def test_layouts_take_no_values(serve: Any, tabs_app: dict[str, Any]) -> None:
    page = Page(serve(tabs_app["demo"]))
    page.event(tabs_app["alpha"], "select", values={tabs_app["tabs"]: 1}, wait=False)
    assert "does not accept input" in page.recv()["message"]


def test_accordion_expand_and_collapse(serve: Any) -> None:
    with gr.Blocks() as demo:
        with gr.Accordion("More", open=False) as more:
            gr.Markdown("details")
        out = gr.Textbox(label="Out")
        more.expand(lambda: "opened", None, out)
        more.collapse(lambda: gr.Accordion(open=False, label="Closed"), None, more)
    page = Page(serve(demo))
    assert value(page.event(more, "expand"), out) == "opened"
    assert page.event(more, "collapse")[str(more.id)] == {"open": False, "label": "Closed"}


def test_a_tab_outside_tabs_gets_an_implicit_one() -> None:
    with gr.Blocks() as demo:
        with gr.Tab("One") as one:
            pass
        with gr.Tab("Two") as two:
            pass
        gr.Markdown("between")
        with gr.Tab("Three") as three:
            pass
    first, _, second = demo.children
    assert isinstance(first, gr.Tabs) and first.children == [one, two]
    assert isinstance(second, gr.Tabs) and second.children == [three]


def test_tab_id_is_its_own_not_the_tree_id() -> None:
    with gr.Blocks():
        with gr.Tabs():
            tab = gr.Tab("One", id=7)
    assert tab.tab_id == 7 and tab.props()["tab_id"] == 7 and tab.id != 7
