"""Session state over a real server: per-session copies, change detection, atomic commits."""

from __future__ import annotations

import threading

import blocks as gr

from .conftest import Page, value


def cart_app() -> tuple[gr.Blocks, gr.CheckboxGroup, gr.Button, gr.Number]:
    with gr.Blocks() as demo:
        cart = gr.State([])
        items = gr.CheckboxGroup(["Cereal", "Milk", "Orange Juice", "Water"])
        button = gr.Button("Add Items")
        button.click(lambda new, old: old + new, [items, cart], cart)
        size = gr.Number(label="Cart Size")
        cart.change(lambda c: len(c), cart, size)
    return demo, items, button, size


def test_state_is_per_session_and_change_fires(serve):
    demo, items, button, size = cart_app()
    url = serve(demo)
    alice, bob = Page(url), Page(url)
    assert value(alice.event(button, values={items: ["Milk"]}), size) == 1
    assert value(alice.event(button, values={items: ["Milk", "Water"]}), size) == 3
    assert value(bob.event(button, values={items: ["Cereal"]}), size) == 1
    reloaded = Page(url)  # a reload is a new session: the cart starts empty again
    assert value(reloaded.event(button, values={items: ["Water"]}), size) == 1


def test_change_does_not_fire_when_value_is_equal(serve):
    demo, items, button, size = cart_app()
    page = Page(serve(demo))
    updates = page.event(button, values={items: []})  # [] + [] == []: no change, no cart.change
    assert str(size.id) not in updates


def test_in_place_edit_of_an_input_only_state_is_seen(serve):
    with gr.Blocks() as demo:
        cart = gr.State([])
        add = gr.Button("Add")
        size = gr.Number(label="Size")
        add.click(lambda c: c.append("x"), cart, None)  # edits in place, returns nothing
        cart.change(lambda c: len(c), cart, size)
    _check_sizes(serve(demo), add, size)


def test_in_place_edit_of_a_custom_object_is_seen(serve):
    class Basket:
        def __init__(self) -> None:
            self.items: list[str] = []

    with gr.Blocks() as demo:
        basket = gr.State(Basket())
        add = gr.Button("Add")
        size = gr.Number(label="Size")

        def add_one(b: Basket) -> Basket:
            b.items.append("x")
            return b

        add.click(add_one, basket, basket)
        basket.change(lambda b: len(b.items), basket, size)
    _check_sizes(serve(demo), add, size)


def _check_sizes(url: str, add: gr.Button, size: gr.Number) -> None:
    page = Page(url)
    assert value(page.event(add), size) == 1
    assert value(page.event(add), size) == 2


def test_failed_callback_leaves_state_unchanged(serve):
    with gr.Blocks() as demo:
        cart = gr.State(["a"])
        add = gr.Button("Add")
        show = gr.Number(label="Size")
        check = gr.Button("Check")

        def add_then_fail(c: list[str]) -> list[str]:
            c.append("b")
            raise gr.Error("Out of stock")

        add.click(add_then_fail, cart, cart)
        check.click(lambda c: len(c), cart, show)
    page = Page(serve(demo))
    page.event(add)
    assert [e["message"] for e in page.errors()] == ["Out of stock"]
    assert value(page.event(check), show) == 1


def test_default_value_is_copied_for_each_session(serve):
    default: list[str] = []
    with gr.Blocks() as demo:
        cart = gr.State(default)
        add = gr.Button("Add")
        size = gr.Number(label="Size")

        def add_one(c: list[str]) -> list[str]:
            c.append("x")
            return c

        add.click(add_one, cart, cart)
        cart.change(len, cart, size)
    url = serve(demo)
    Page(url).event(add)
    assert value(Page(url).event(add), size) == 1
    assert default == []


def test_events_of_one_session_run_in_order(serve):
    with gr.Blocks() as demo:
        count = gr.State(0)
        add = gr.Button("Add")
        shown = gr.Number(label="Count")
        add.click(lambda c: c + 1, count, count)
        count.change(lambda c: c, count, shown)
    page = Page(serve(demo))
    for _ in range(30):
        page.event(add, wait=False)
    results = [value(page.until_done(seq), shown) for seq in range(1, 31)]
    assert results == list(range(1, 31))


def test_sessions_run_concurrently(serve):
    """Session A's callback waits for session B's: it only finishes if both run at once."""
    met = threading.Event()
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        wait_btn = gr.Button("Wait")
        meet_btn = gr.Button("Meet")
        wait_btn.click(lambda: "met" if met.wait(10) else "alone", None, out)
        meet_btn.click(lambda: met.set() or "set", None, out)
    url = serve(demo)
    waiter, meeter = Page(url), Page(url)
    waiter.event(wait_btn, wait=False)
    assert value(meeter.event(meet_btn), out) == "set"
    assert value(waiter.until_done(1), out) == "met"


def test_falsy_values_are_state_changes(serve):
    with gr.Blocks() as demo:
        flag = gr.State(1)
        clear = gr.Button("Clear")
        shown = gr.Textbox(label="Shown")
        clear.click(lambda: 0, None, flag)
        flag.change(lambda f: repr(f), flag, shown)
    page = Page(serve(demo))
    assert value(page.event(clear), shown) == "0"
