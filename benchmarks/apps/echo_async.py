"""apps/echo.py with an `async def` listener: runs on the event loop, no worker-thread hop."""

import blocks as gr


async def echo(text):
    return text


with gr.Blocks() as demo:
    source = gr.Textbox(label="in")
    target = gr.Textbox(label="out")
    gr.Button("Echo").click(echo, source, target, api_name="echo")

demo.launch()
