"""Throughput app: a click (or POST /api/echo) copies the input box into the output box."""

import blocks as gr


def echo(text):
    return text


with gr.Blocks() as demo:
    source = gr.Textbox(label="in")
    target = gr.Textbox(label="out")
    gr.Button("Echo").click(echo, source, target, api_name="echo")

demo.launch()
