"""A concurrency slot is freed whatever stops a listener before its function runs."""

from __future__ import annotations

import threading

import pytest

import blocks as gr

from .conftest import Page


def _stream(lock):
    yield "never"


async def _coroutine(lock):
    return "never"


@pytest.mark.parametrize("fn", [_stream, _coroutine], ids=["generator", "async"])
def test_a_state_input_that_cannot_be_copied_fails_the_run_and_frees_its_slot(serve, fn):
    with gr.Blocks() as demo:
        held = gr.State(lambda: threading.Lock())  # no deepcopy: the run fails before the function
        out = gr.Textbox(label="Out")
        run = gr.Button("Run")
        run.click(fn, held, out)  # the default limit of 1
    page = Page(serve(demo))
    for seq in (1, 2):  # the second run waited forever for the slot the first one never freed
        page.event(run)
        assert "deep-copied" in page.errors()[-1]["message"]
        assert page.errors()[-1]["seq"] == seq


def test_shutdown_runs_the_unload_of_a_page_that_said_bye_while_its_event_ran(serve, monkeypatch):
    monkeypatch.setenv("BLOCKS_SHUTDOWN_TIMEOUT", "1")
    release, entered, unloaded = threading.Event(), threading.Event(), threading.Event()

    def hang():
        entered.set()
        release.wait(10)

    with gr.Blocks() as demo:
        run = gr.Button("Run")
        run.click(hang)
        demo.unload(unloaded.set)
    page = Page(serve(demo))
    page.event(run, wait=False)
    assert entered.wait(10)
    page.bye()  # the session's end waits behind the running event
    try:
        demo.close()  # the shutdown dropped that end as if it were an event: unload never ran
        assert unloaded.is_set()
    finally:
        release.set()
