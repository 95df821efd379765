"""A chatbot that thinks first: a collapsible thought (gr.ChatMessage metadata), then a streamed answer."""
import time

import blocks as gr

STEP = 0.05  # seconds between streamed words


def respond(message, history):
    history = history + [{"role": "user", "content": message}]
    thought = gr.ChatMessage(content="", metadata={"title": "Thinking it over", "status": "pending", "id": 1})
    start = time.time()
    for part in ["The user wrote ", f"“{message}”", ". I will repeat it back, word by word."]:
        thought.content += part
        yield history + [thought]
        time.sleep(STEP)
    thought.metadata["status"] = "done"
    thought.metadata["duration"] = round(time.time() - start, 1)
    answer = gr.ChatMessage(content="")
    for word in f"You said: **{message}**".split(" "):
        answer.content += (" " if answer.content else "") + word
        yield history + [thought, answer]
        time.sleep(STEP)


def liked(data: gr.LikeData):
    gr.Info(f"{'Liked' if data.liked else 'Disliked'} message {data.index}")


with gr.Blocks() as demo:
    chatbot = gr.Chatbot(label="Thinking bot", buttons=["copy", "copy_all"])
    message = gr.Textbox(label="Message", placeholder="Say something and press Enter")
    message.submit(respond, [message, chatbot], chatbot).then(lambda: "", None, message)
    chatbot.like(liked, None, None)

if __name__ == "__main__":
    demo.launch()
