"""A gr.ChatInterface with an additional input: a reply style, and a streamed answer."""
import time

import blocks as gr


def reply(message, history, style):
    answer = message.upper() if style == "Shout" else message.lower() if style == "Whisper" else message
    text = ""
    for char in f"({len(history) // 2 + 1}) {answer}":
        text += char
        time.sleep(0.01)
        yield text


demo = gr.ChatInterface(
    reply,
    additional_inputs=[gr.Radio(["Plain", "Shout", "Whisper"], value="Plain", label="Style")],
    title="Echo chat",
    description="Repeats what you write, in the style you choose; the number counts your turns.",
    examples=[["hello there", "Shout"], ["QUIET PLEASE", "Whisper"]],
)

if __name__ == "__main__":
    demo.launch()
