"""An Image + Chatbot app (issue 8's page to weigh): a picture to describe and a chat about it.
Run with BENCH_FRAMEWORK=gradio by a Python that has Gradio, the same app on Gradio."""

import os

if os.environ.get("BENCH_FRAMEWORK") == "gradio":
    import gradio as gr
else:
    import blocks as gr


def respond(message, history, image):
    size = "no picture" if image is None else f"a {image.shape[1]}x{image.shape[0]} picture"
    return "", history + [{"role": "user", "content": message},
                          {"role": "assistant", "content": f"You said {message!r} about {size}."}]


with gr.Blocks() as demo:
    image = gr.Image(label="Picture")
    chat = gr.Chatbot(label="Chat")
    box = gr.Textbox(label="Message")
    box.submit(respond, [box, chat, image], [box, chat])

if __name__ == "__main__":
    demo.launch()
