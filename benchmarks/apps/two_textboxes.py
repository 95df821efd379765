"""The smallest useful app: what one types in the first box is copied into the second."""

import blocks as gr

with gr.Blocks() as demo:
    source = gr.Textbox(label="Input")
    copy = gr.Textbox(label="Output")
    source.change(lambda text: text, source, copy)

demo.launch()
