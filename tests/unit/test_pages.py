"""Blocks.route and gr.Navbar as the tree sees them: paths from names, duplicates, each page's config."""

from __future__ import annotations

import pytest

import blocks as gr
from blocks.pages import slugify


def test_a_route_path_comes_from_its_name_as_gradios_does() -> None:
    assert slugify("Sign Up  Now!") == "sign-up-now"
    assert slugify("Café -- menu") == "cafe-menu"
    with gr.Blocks() as demo:
        gr.Textbox()
    demo.route("Up")
    demo.route("Settings", "/settings/", show_in_navbar=False)
    demo.route("Login")  # a server path: Gradio serves it under a leading "_"
    assert [(p.path, p.name, p.show_in_navbar) for p in demo.pages] == [
        ("", "Home", True), ("up", "Up", True), ("settings", "Settings", False), ("_login", "Login", True)]


def test_a_duplicate_path_is_an_error_naming_the_page_that_has_it() -> None:
    demo = gr.Blocks()
    demo.route("Up")
    with pytest.raises(gr.BlocksError, match=r"/up is already the page 'Up'"):
        demo.route("UP")
    with pytest.raises(gr.BlocksError, match=r"/up is already the page 'Up'"):
        demo.route("Other", "/up")


@pytest.mark.parametrize(("name", "path", "message"), [
    ("Bad", "a b", "characters a URL path cannot hold"),
    ("Assets", "/assets", "one of the server's own paths"),
    ("!!!", None, "no URL path can be made from this name"),
])
def test_a_path_that_cannot_be_served_is_an_error(name: str, path: str | None, message: str) -> None:
    with pytest.raises(gr.BlocksError, match=message):
        gr.Blocks().route(name, path)


def test_route_inside_the_blocks_being_built_is_an_error() -> None:
    with pytest.raises(gr.BlocksError, match="call it outside"), gr.Blocks() as demo:
        demo.route("Inner")


def test_each_page_config_holds_its_own_components_and_listeners() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        state = gr.BrowserState(storage_key="k")
        gr.Button("Go").click(lambda n: n, name, name)
    with demo.route("Second") as second:
        count = gr.Number(label="Count")
        second.load(lambda: 1, None, count)
    main, other = demo.config(), demo.config("second")
    assert [n["id"] for n in main["layout"]["children"]] == [name.id, name.id + 2]
    assert list(other["components"]) == [str(count.id)] and other["browser_state"] == {}
    assert main["browser_state"] == {str(state.id): "k"}
    assert [d["id"] for d in other["dependencies"]] == [1]  # ids kept: they are the protocol's
    assert other["navbar"]["page"] == "second" and main["navbar"]["page"] == ""


def test_a_single_page_config_is_unchanged_by_navbar_support() -> None:
    with gr.Blocks() as demo:
        gr.Navbar(main_page_name="Only")
        gr.Textbox()
    config = demo.config()
    assert "navbar" not in config and len(config["layout"]["children"]) == 1  # the Navbar is not in the layout


def test_a_page_has_at_most_one_navbar() -> None:
    with pytest.raises(gr.BlocksError, match="two gr.Navbar on the page 'Home'"), gr.Blocks():
        gr.Navbar()
        gr.Navbar()
    with gr.Blocks() as demo:
        first = gr.Navbar(main_page_name="Main")
    with demo.route("Other"):
        second = gr.Navbar(main_page_name=False, value=[("Docs", "https://example.com")])
    assert demo.config()["navbar"]["id"] == first.id and demo.config("other")["navbar"]["id"] == second.id
    assert demo.config("other")["components"][str(second.id)]["props"]["value"] == [["Docs", "https://example.com"]]


def test_navbar_arguments_are_checked() -> None:
    assert list(gr.Navbar.__signature__.parameters) == [  # type: ignore[attr-defined]
        "value", "visible", "elem_id", "elem_classes", "render", "key", "preserved_by_key", "main_page_name"]
    with pytest.raises(gr.BlocksError, match="main_page_name=3"):
        gr.Navbar(main_page_name=3)
    with pytest.raises(gr.BlocksError, match="list of \\(name, path\\) pairs"):
        gr.Navbar(value=["About"]).initial_value()
