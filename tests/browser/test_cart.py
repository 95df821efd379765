"""demos/cart.py: session State. Each page has its own cart; a reload starts a new one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from .support import DemoProcess, demo_process, eventually, open_app, open_wired, wait_connection, wait_idle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(key_dir: Path) -> Iterator[DemoProcess]:
    with demo_process("cart", key_dir / "cart.key") as running:
        yield running


def add(page: Page, *items: str) -> None:
    """Tick `items` (if not ticked yet) and click Add Items."""
    for item in items:
        page.get_by_label(item, exact=True).check()
    page.get_by_role("button", name="Add Items").click()


def cart_size(page: Page) -> Locator:
    return page.get_by_label("Cart Size")


def test_add_items_counts_every_item_added(context: BrowserContext, server: DemoProcess) -> None:
    page, watched = open_app(context, server.url)
    add(page, "Milk")
    expect(cart_size(page)).to_have_value("1")
    add(page, "Cereal")  # Milk stays ticked: the cart gets Milk and Cereal again
    expect(cart_size(page)).to_have_value("3")
    assert watched.messages("error") == []


def test_each_user_has_their_own_cart(new_context: Callable[[], BrowserContext], server: DemoProcess) -> None:
    alice, _ = open_app(new_context(), server.url)
    add(alice, "Milk", "Water")
    expect(cart_size(alice)).to_have_value("2")

    bob, _ = open_app(new_context(), server.url)
    expect(bob.get_by_label("Milk", exact=True)).not_to_be_checked()
    add(bob, "Orange Juice")
    expect(cart_size(bob)).to_have_value("1")  # not 3: Bob's cart started empty
    add(bob)
    expect(cart_size(bob)).to_have_value("2")

    wait_idle(alice)
    expect(cart_size(alice)).to_have_value("2")  # Bob's clicks did not touch Alice's cart
    add(alice)
    expect(cart_size(alice)).to_have_value("4")


def test_reload_starts_an_empty_cart(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    add(page, "Milk", "Cereal")
    expect(cart_size(page)).to_have_value("2")
    add(page)
    expect(cart_size(page)).to_have_value("4")

    page.reload()
    expect(page.get_by_label("Milk", exact=True)).not_to_be_checked()
    add(page, "Water")
    expect(cart_size(page)).to_have_value("1")  # only the new item: the old cart is gone


def test_fast_repeated_clicks_lose_no_update(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    page.get_by_label("Milk", exact=True).check()
    page.get_by_label("Cereal", exact=True).check()
    button = page.get_by_role("button", name="Add Items")
    for _ in range(10):
        button.click()
    expect(cart_size(page)).to_have_value("20")
    wait_idle(page)
    expect(cart_size(page)).to_have_value("20")  # and no click counted twice


def test_a_burst_of_clicks_in_one_task_loses_no_update(context: BrowserContext, server: DemoProcess) -> None:
    page, _ = open_app(context, server.url)
    page.get_by_label("Water", exact=True).check()
    page.get_by_label("Orange Juice", exact=True).check()
    page.get_by_label("Milk", exact=True).check()
    # Ten clicks before the first answer can arrive.
    page.get_by_role("button", name="Add Items").evaluate(
        "(button) => { for (let i = 0; i < 10; i++) button.click(); }")
    expect(cart_size(page)).to_have_value("30")
    wait_idle(page)
    expect(cart_size(page)).to_have_value("30")


def test_cart_survives_a_network_blip(context: BrowserContext, server: DemoProcess) -> None:
    page, _, cable = open_wired(context, server.url)
    add(page, "Milk")
    expect(cart_size(page)).to_have_value("1")

    cable.unplug()
    wait_connection(page, "reconnecting")
    add(page, "Cereal")  # clicked while offline: sent once the page is back
    eventually(lambda: cable.refused >= 2, page=page, what="the page retries while the network is down")
    cable.plug()
    wait_connection(page, "open", 2)
    expect(cart_size(page)).to_have_value("3")  # the same cart, and the offline click counted once
    add(page)
    expect(cart_size(page)).to_have_value("5")
    wait_idle(page)
    expect(page.get_by_role("alert")).to_have_count(0)
