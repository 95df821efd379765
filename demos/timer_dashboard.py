"""A clock and a counter refreshed by a gr.Timer, with Start/Stop buttons."""

import time

import blocks as gr

with gr.Blocks() as demo:
    timer = gr.Timer(1)
    clock = gr.Textbox(label="Clock")
    count = gr.Number(0, label="Ticks")
    with gr.Row():
        start = gr.Button("Start")
        stop = gr.Button("Stop")
    timer.tick(lambda n: (time.strftime("%H:%M:%S"), n + 1), count, [clock, count])
    start.click(lambda: gr.Timer(active=True), None, timer)
    stop.click(lambda: gr.Timer(active=False), None, timer)

if __name__ == "__main__":
    demo.launch()
