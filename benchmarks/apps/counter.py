"""A click counter kept in gr.State and shown in a Number: each click changes the page."""

import blocks as gr


def increment(count):
    return count + 1, count + 1


with gr.Blocks() as demo:
    count = gr.State(0)
    button = gr.Button("+1")
    shown = gr.Number(label="Count", value=0)
    button.click(increment, count, [count, shown])

demo.launch()
