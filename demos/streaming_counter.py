"""A streaming counter: a generator listener yields each count as it goes; Stop cancels it.

Run with `make run DEMO=demos/streaming_counter.py`.
"""

import time

import blocks as gr


def count_up(target, step_seconds):
    """Yield 1, 2, ... target, one every `step_seconds`; each yield updates the page at once."""
    for n in range(1, int(target) + 1):
        time.sleep(step_seconds)
        yield n, f"Counting... {n} of {int(target)}"
    yield int(target), "Done."


with gr.Blocks(title="Streaming counter") as demo:
    gr.Markdown("# Streaming counter\nA generator listener streams its progress; **Stop** cancels it.")
    with gr.Row():
        target = gr.Number(value=10, label="Count to", precision=0, minimum=1, maximum=1000)
        pace = gr.Slider(0.05, 1.0, value=0.5, step=0.05, label="Seconds per step")
    with gr.Row():
        start = gr.Button("Start", variant="primary")
        stop = gr.Button("Stop", variant="stop")
    count = gr.Number(label="Count", interactive=False)
    status = gr.Textbox(label="Status", interactive=False)

    run = start.click(count_up, [target, pace], [count, status])
    stop.click(lambda: "Stopped.", None, status, cancels=[run])

if __name__ == "__main__":
    demo.launch()
