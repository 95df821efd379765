"""Memory app: every session holds a distinct 10 KB string in gr.State.

SIGUSR1 runs gc.collect() so the benchmark can settle the heap before reading RSS.
"""

import gc
import os
import signal

import blocks as gr

signal.signal(signal.SIGUSR1, lambda *_: gc.collect())

with gr.Blocks() as demo:
    blob = gr.State(lambda: os.urandom(5120).hex())  # called per session: 10,240 characters
    size = gr.Number(label="Size")
    gr.Button("Measure").click(lambda value: len(value), blob, size)

demo.launch()
