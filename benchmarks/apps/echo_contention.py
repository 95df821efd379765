"""Latency app: apps/echo.py's echo beside a slow listener and a listener over a 5 MB gr.State.

benchmarks/latency.py times the echo from one session while other sessions keep the slow
listener (`POST /api/slow`, no concurrency limit) or the State listener busy. The echo keeps
Gradio's default concurrency_limit of 1, and it is the first button, as load.py expects.
"""

import time

import blocks as gr

STATE_BYTES = 5 * 1024 * 1024
DOCUMENT = "x" * 200
DOCUMENT_BYTES = 223  # one {"id": 12345, "text": DOCUMENT} in a JSON list


def echo(text):
    return text


def slow(text):
    time.sleep(2)
    return text


def collect(library):
    """~5 MB of documents, built on the first call; every call appends one event to the log.

    The log comes after the documents, so the deep comparison walks all 5 MB before it finds
    what changed, as it would for any edit deep inside a large State.
    """
    if not library:
        library["documents"] = [{"id": i, "text": DOCUMENT} for i in range(STATE_BYTES // DOCUMENT_BYTES)]
        library["log"] = []
    library["log"].append(time.time())
    return library, len(library["log"])


with gr.Blocks() as demo:
    source = gr.Textbox(label="in")
    target = gr.Textbox(label="out")
    library = gr.State({})
    events = gr.Number(label="events")
    gr.Button("Echo").click(echo, source, target, api_name="echo")
    gr.Button("Slow").click(slow, source, target, api_name="slow", concurrency_limit=None)
    gr.Button("Collect").click(collect, library, [library, events], api_name="collect")

demo.launch()
