"""The page runtime and renderers, seen from a browser: toasts, visibility updates, elem_id and
elem_classes, accessible labels, Enter to submit, and a console free of errors on every demo."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from . import apps
from .support import DEMOS, demo_process, open_app, serve, wait_idle, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shop_url() -> Iterator[str]:
    with serve(apps.shop()) as url:
        yield url


@pytest.fixture
def shop(context: BrowserContext, shop_url: str) -> Page:
    page, _ = open_app(context, shop_url)
    return page


def test_gr_error_is_shown_in_a_toast(shop: Page) -> None:
    expect(shop.get_by_role("alert")).to_have_count(0)
    shop.get_by_role("button", name="Buy").click()
    toast = shop.get_by_role("alert")
    expect(toast).to_have_count(1)
    expect(toast).to_contain_text("Out of stock")
    expect(shop.get_by_label("Bought")).to_have_value("0")  # the failed callback changed nothing
    toast.get_by_role("button", name="Close").click()
    expect(shop.get_by_role("alert")).to_have_count(0)


def test_a_callback_that_succeeds_shows_no_toast(shop: Page) -> None:
    shop.get_by_label("Item").fill("Cereal")
    shop.get_by_label("Quantity").fill("2")
    shop.get_by_role("button", name="Buy").click()
    expect(shop.get_by_label("Bought")).to_have_value("2")
    wait_idle(shop)
    expect(shop.get_by_role("alert")).to_have_count(0)


def test_update_visible_hides_and_shows_a_component(shop: Page) -> None:
    details = shop.get_by_label("Details")
    expect(details).to_be_visible()
    expect(details).to_have_value("Fresh from the farm")
    shop.get_by_role("button", name="Hide details").click()
    expect(details).to_be_hidden()
    expect(shop.get_by_text("Details", exact=True)).to_be_hidden()  # its label too
    shop.get_by_role("button", name="Show details").click()
    expect(details).to_be_visible()
    expect(details).to_have_value("Fresh from the farm")  # a visibility update keeps the value


def test_elem_id_and_elem_classes_are_on_the_outer_element(shop: Page) -> None:
    box = shop.locator("#item-box")
    expect(box).to_have_count(1)
    expect(box).to_have_class(re.compile(r"(^|\s)wide(\s|$)"))
    expect(box).to_have_class(re.compile(r"(^|\s)featured(\s|$)"))
    expect(box.get_by_label("Item")).to_have_value("Milk")  # the outer element holds the label and the input
    expect(box.get_by_text("Item", exact=True)).to_be_visible()

    row = shop.locator("#buttons")  # a layout block, its class given as a string
    expect(row).to_have_class(re.compile(r"(^|\s)toolbar(\s|$)"))
    expect(row.get_by_role("button")).to_have_count(3)


def test_space_separated_elem_classes_give_several_classes(context: BrowserContext) -> None:
    # Gradio puts elem_classes="a b" in the class attribute: two classes.
    with serve(apps.spaced_classes()) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_label("Query")).to_be_visible()
        row = page.locator("#toolbar")
        expect(row).to_have_class(re.compile(r"(^|\s)toolbar(\s|$)"))
        expect(row).to_have_class(re.compile(r"(^|\s)compact(\s|$)"))
        box = page.locator("#query")
        expect(box).to_have_class(re.compile(r"(^|\s)wide(\s|$)"))
        expect(box).to_have_class(re.compile(r"(^|\s)search-box(\s|$)"))
        assert watched.messages("error") == []


def test_every_input_has_an_accessible_label(shop: Page) -> None:
    expect(shop.get_by_label("Item")).to_be_editable()
    expect(shop.get_by_role("textbox", name="Item")).to_have_value("Milk")
    expect(shop.get_by_role("spinbutton", name="Quantity")).to_have_value("1")
    expect(shop.get_by_label("Quantity")).to_have_value("1")
    group = shop.get_by_role("group", name="Colours")
    expect(group).to_be_visible()
    for colour in ("Red", "Green", "Blue"):
        expect(group.get_by_label(colour)).not_to_be_checked()
        expect(shop.get_by_role("checkbox", name=colour)).to_have_count(1)
    shop.get_by_label("Green").check()
    expect(shop.get_by_label("Green")).to_be_checked()
    # No input without a name: every textbox, spinbutton and checkbox is labelled.
    unnamed = shop.evaluate("""() => [...document.querySelectorAll('input, textarea, select')]
        .filter((el) => !el.labels || el.labels.length === 0 || !el.labels[0].textContent.trim())
        .map((el) => el.outerHTML)""")
    assert unnamed == []


def test_unlabelled_components_show_gradios_default_label(context: BrowserContext) -> None:
    with serve(apps.unlabelled()) as url:
        page, watched = open_app(context, url)
        number = page.get_by_label("Number", exact=True)
        expect(number).to_have_value("0")  # Gradio shows 0 for gr.Number() without a value
        expect(page.get_by_text("Number", exact=True)).to_be_visible()
        # show_label=False hides the label from sight, not from screen readers.
        expect(page.get_by_label("Textbox", exact=True)).to_be_editable()
        expect(page.locator("label", has_text="Textbox")).to_have_class(re.compile(r"(^|\s)sr-only(\s|$)"))
        number.fill("30")
        page.get_by_role("button", name="Check").click()
        expect(page.get_by_label("Received")).to_have_value("30 int")  # as Gradio's callback gets it
        assert watched.messages("error") == []


def test_enter_in_a_textbox_fires_submit(shop: Page) -> None:
    search = shop.get_by_label("Search")
    shop.get_by_label("Blue").check()
    search.fill("apples")
    wait_idle(shop)
    expect(shop.get_by_label("Results")).to_have_value("")  # typing alone does not submit
    search.press("Enter")
    expect(shop.get_by_label("Results")).to_have_value("You searched for apples in Blue")


DEMO_BUTTONS = {
    "visitor_counter": [],
    "cart": ["Add Items"],
    "per_session_objects": ["Increment Counter"],
    "browser_state": ["Generate Randomly"],
}


@pytest.mark.parametrize("name", sorted(DEMO_BUTTONS))
def test_demo_page_logs_no_errors(context: BrowserContext, key_dir: Path, name: str) -> None:
    assert (DEMOS / f"{name}.py").exists()
    with demo_process(name, key_dir / f"console-{name}.key") as server:
        page, watched = open_app(context, server.url)
        for box in page.get_by_role("checkbox").all():
            box.check()
        for button in DEMO_BUTTONS[name]:
            page.get_by_role("button", name=button).click()
            page.get_by_role("button", name=button).click()
        wait_idle(page)
        page.reload()
        wait_ready(page)
        wait_idle(page)
        expect(page.get_by_role("alert")).to_have_count(0)
        assert watched.messages("error") == []
        assert watched.page_errors == []


@pytest.fixture(scope="module")
def typing_app() -> Iterator[tuple[str, apps.gr.Blocks]]:
    demo = apps.typing_and_toasts()
    with serve(demo) as url:
        yield url, demo


def test_typing_coalesces_into_the_last_value(context: BrowserContext, typing_app) -> None:
    url, demo = typing_app
    page, _ = open_app(context, url)
    page.get_by_label("Query").press_sequentially("the quick brown fox", delay=10)
    expect(page.get_by_label("Echo")).to_have_value("the quick brown fox")
    wait_idle(page)
    assert demo.runs[-1] == "the quick brown fox"
    assert len(demo.runs) < len("the quick brown fox")  # not one slow run per keystroke


def test_warning_toast_and_a_column_shown_by_update(context: BrowserContext, typing_app) -> None:
    page, _ = open_app(context, typing_app[0])
    page.get_by_role("button", name="Warn me").click()
    expect(page.get_by_role("alert")).to_contain_text("Careful now")
    expect(page.get_by_label("Treasure")).to_be_hidden()
    page.get_by_role("button", name="Reveal").click()
    expect(page.get_by_label("Treasure")).to_have_value("hidden treasure")


def test_checkbox_choices_stay_inside_their_group(context: BrowserContext, typing_app) -> None:
    page, _ = open_app(context, typing_app[0])
    page.set_viewport_size({"width": 390, "height": 844})
    group = page.get_by_role("group", name="Toppings").bounding_box()
    choice = page.get_by_label("Pineapple").bounding_box()
    assert group and choice
    assert group["x"] <= choice["x"] and choice["x"] + choice["width"] <= group["x"] + group["width"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
