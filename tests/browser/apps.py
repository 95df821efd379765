"""Small apps for the frontend tests (test_frontend.py), each exercising one piece of the page runtime."""

from __future__ import annotations

import time

import blocks as gr


def shop() -> gr.Blocks:
    """gr.Error toasts, gr.update(visible=...), elem_id / elem_classes, labels, Textbox.submit."""
    with gr.Blocks(title="Shop") as demo:
        stock = gr.State(0)
        item = gr.Textbox(label="Item", value="Milk", elem_id="item-box", elem_classes=["wide", "featured"])
        quantity = gr.Number(label="Quantity", value=1)
        colours = gr.CheckboxGroup(["Red", "Green", "Blue"], label="Colours")
        with gr.Row(elem_id="buttons", elem_classes="toolbar"):
            buy = gr.Button("Buy")
            hide = gr.Button("Hide details")
            show = gr.Button("Show details")
        details = gr.Textbox(label="Details", value="Fresh from the farm")
        search = gr.Textbox(label="Search")
        results = gr.Textbox(label="Results")
        bought = gr.Number(label="Bought")

        def buy_item(name: str, count: float, held: int) -> tuple[int, int]:
            held += int(count or 0)
            if name == "Milk":
                raise gr.Error("Out of stock")
            return held, held

        buy.click(buy_item, [item, quantity, stock], [stock, bought])
        hide.click(lambda: gr.update(visible=False), None, details)
        show.click(lambda: gr.update(visible=True), None, details)
        search.submit(lambda text, picked: f"You searched for {text} in {', '.join(picked) or 'any colour'}",
                      [search, colours], results)
    return demo


def spaced_classes() -> gr.Blocks:
    """elem_classes given as one space-separated string, as Gradio apps often do."""
    with gr.Blocks() as demo:
        with gr.Row(elem_id="toolbar", elem_classes="toolbar compact"):
            gr.Textbox(label="Query", elem_id="query", elem_classes="wide search-box")
    return demo


def unlabelled() -> gr.Blocks:
    """Components without label= or value=, as Gradio shows them: default labels, a Number at 0."""
    with gr.Blocks() as demo:
        number = gr.Number()
        gr.Textbox(show_label=False)
        check = gr.Button("Check")
        received = gr.Textbox(label="Received")
        check.click(lambda n: f"{n!r} {type(n).__name__}", number, received)
    return demo


def preferences() -> gr.Blocks:
    """BrowserState holding falsy values (0 and ""), which Gradio would not store."""
    with gr.Blocks() as demo:
        volume = gr.Number(label="Volume")
        nickname = gr.Textbox(label="Nickname")
        saved_volume = gr.BrowserState(10, storage_key="volume")
        saved_nickname = gr.BrowserState("guest", storage_key="nickname")
        demo.load(lambda v, n: (v, n), [saved_volume, saved_nickname], [volume, nickname])
        volume.change(lambda v: v, volume, saved_volume)
        nickname.change(lambda n: n, nickname, saved_nickname)
    return demo


def typing_and_toasts() -> gr.Blocks:
    """A slow .change listener (typing coalesces), a Warning toast, a Column shown on demand and
    a labelled CheckboxGroup without info (its choices must stay inside its box)."""
    runs: list[str] = []
    with gr.Blocks() as demo:
        query = gr.Textbox(label="Query")
        echo = gr.Textbox(label="Echo")

        def slow_echo(text: str) -> str:
            time.sleep(0.15)
            runs.append(text)
            return text

        query.change(slow_echo, query, echo)
        warn = gr.Button("Warn me")
        warn.click(lambda: gr.Warning("Careful now"))
        reveal = gr.Button("Reveal")
        with gr.Column(visible=False) as secret:
            gr.Textbox("hidden treasure", label="Treasure")
        reveal.click(lambda: gr.Column(visible=True), None, secret)
        with gr.Row():
            gr.CheckboxGroup(["Cheese", "Ham", "Pineapple"], label="Toppings")
            gr.Textbox(label="Notes")
    demo.runs = runs  # type: ignore[attr-defined]
    return demo
