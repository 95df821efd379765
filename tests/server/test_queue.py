"""Gradio's queue over a real server: concurrency limits, fair waiting, positions, max_size,
time_limit, cancels, and a stuck listener that stops no one else."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed

import blocks as gr
from blocks import threads

from .conftest import Page, value

WAIT = 10  # seconds a test waits for something that should happen at once; a failure, not a pace


class Gate:
    """Lets a listener run only when the test says so, and counts how many run at once."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.lock = threading.Lock()
        self.running = 0
        self.most = 0
        self.entered = threading.Semaphore(0)

    def __call__(self, label: str = "") -> str:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        self.entered.release()
        try:
            assert self.open.wait(WAIT * 3), "the test never opened the gate"
        finally:
            with self.lock:
                self.running -= 1
        return f"done {label}"

    def wait_entered(self, count: int = 1) -> None:
        for _ in range(count):
            assert self.entered.acquire(timeout=WAIT), "the listener did not start"


@pytest.fixture
def gate() -> Any:
    gate = Gate()
    yield gate
    gate.open.set()  # no listener is left waiting when the server stops


def _queue_frames(page: Page, seq: int) -> list[dict[str, Any]]:
    return [m for m in page.messages if m["type"] == "queue" and m["seq"] == seq]


def _recv_until(page: Page, predicate: Any) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        message = page.recv(timeout=WAIT)
        if predicate(message):
            return message
    raise AssertionError("the awaited message never came")


def test_default_limit_is_one_call_at_a_time_and_waiting_pages_see_their_place(serve, gate):
    with gr.Blocks() as demo:
        box = gr.Textbox(label="Out")
        run = gr.Button("Run")
        run.click(gate, None, box)
    url = serve(demo)
    first, second = Page(url), Page(url)
    first.event(run, wait=False)
    gate.wait_entered()
    second.event(run, wait=False)
    waiting = _recv_until(second, lambda m: m["type"] == "queue")
    assert (waiting["seq"], waiting["position"], waiting["size"]) == (1, 1, 1)
    gate.open.set()
    assert value(first.until_done(1), box) == "done "
    assert value(second.until_done(1), box) == "done "
    assert gate.most == 1
    assert [m["position"] for m in _queue_frames(second, 1)][-1] == 0  # told when it ran


def test_concurrency_limit_none_runs_sessions_together_and_concurrency_id_shares_the_lowest_limit(serve, gate):
    with gr.Blocks() as demo:
        box = gr.Textbox(label="Out")
        free, shared_a, shared_b = gr.Button("Free"), gr.Button("A"), gr.Button("B")
        free.click(gate, None, box, concurrency_limit=None)
        shared_a.click(gate, None, box, concurrency_id="gpu", concurrency_limit=3)
        shared_b.click(gate, None, box, concurrency_id="gpu", concurrency_limit=2)
    url = serve(demo)
    pages = [Page(url) for _ in range(4)]
    for page in pages[:3]:
        page.event(free, wait=False)
    gate.wait_entered(3)  # three sessions inside the same listener at once
    assert gate.most == 3
    gate.open.set()
    for page in pages[:3]:
        page.until_done(1)
    gate.open.clear()
    gate.most = 0
    for page, button in zip(pages, [shared_a, shared_b, shared_a, shared_b]):
        page.event(button, wait=False)
    gate.wait_entered(2)
    _recv_until(pages[2], lambda m: m["type"] == "queue")  # the third waits: the group's limit is 2
    gate.open.set()
    for page in pages:
        page.until_done(page.seq)
    assert gate.most == 2


def test_waiting_sessions_interleave_and_a_session_keeps_its_order(serve, gate):
    order: list[str] = []

    def work(who: str) -> str:
        if not order:
            gate()  # the first call holds the slot until every event is in
        order.append(who)
        return who

    with gr.Blocks() as demo:
        who = gr.Textbox(label="Who")
        run = gr.Button("Run")
        run.click(work, who, who)
    url = serve(demo)
    a, b = Page(url), Page(url)
    for label in ("a1", "a2", "a3"):
        a.event(run, values={who: label}, wait=False)
    gate.wait_entered()
    b.event(run, values={who: "b1"}, wait=False)
    _recv_until(b, lambda m: m["type"] == "queue")
    gate.open.set()
    for seq in (1, 2, 3):
        a.until_done(seq)
    b.until_done(1)
    assert order == ["a1", "b1", "a2", "a3"]


def test_a_session_runs_its_events_one_at_a_time_even_without_a_limit(serve):
    log: list[str] = []

    def slow(label: str) -> str:
        log.append(f"start {label}")
        time.sleep(0.3)  # long enough that a second event would start meanwhile if nothing ordered them
        log.append(f"end {label}")
        return label

    with gr.Blocks() as demo:
        box = gr.Textbox(label="Box")
        run = gr.Button("Run")
        run.click(slow, box, box, concurrency_limit=None)
    page = Page(serve(demo))
    page.event(run, values={box: "one"}, wait=False)
    page.event(run, values={box: "two"}, wait=False)
    page.until_done(1)
    page.until_done(2)
    assert log == ["start one", "end one", "start two", "end two"]


def test_a_stuck_listener_blocks_only_its_own_group(serve, gate):
    with gr.Blocks() as demo:
        box = gr.Textbox(label="Box")
        out = gr.Textbox(label="Out")
        hang = gr.Button("Hang")
        echo = gr.Button("Echo")
        hang.click(gate, None, out, api_name="hang")
        echo.click(lambda text: text, box, out)
        demo.load(lambda: "loaded", None, box)
    url = serve(demo)
    with ThreadPoolExecutor(40) as pool:
        calls = [pool.submit(httpx.post, url + "api/hang", json={"data": []}, timeout=WAIT * 3) for _ in range(40)]
        gate.wait_entered()
        page = Page(url)  # demo.load of a new page still runs
        assert value(page.load_updates, box) == "loaded"
        assert value(page.event(echo, values={box: "still here"}), out) == "still here"
        gate.open.set()
        assert all(call.result().json() == {"data": ["done "]} for call in calls)
    assert gate.most == 1


def test_bye_is_seen_while_the_pages_event_runs_and_unload_follows_it(serve, gate):
    unloaded = threading.Event()
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        hang = gr.Button("Hang")
        hang.click(gate, None, out)
        demo.unload(unloaded.set)
    page = Page(serve(demo))
    page.event(hang, wait=False)
    gate.wait_entered()
    page.send({"type": "bye"})
    with pytest.raises(ConnectionClosed):  # the server closes the socket at once, while the listener runs
        while True:
            page.recv(timeout=WAIT)
    assert not unloaded.is_set()  # unload waits for the event the page sent before its bye
    gate.open.set()
    assert unloaded.wait(WAIT)


def test_a_full_queue_refuses_with_gradios_message(serve, gate):
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        hang = gr.Button("Hang")
        hang.click(gate, None, out, api_name="hang")
    demo.queue(max_size=1)
    url = serve(demo)
    first, second, third = Page(url), Page(url), Page(url)
    first.event(hang, wait=False)
    gate.wait_entered()
    second.event(hang, wait=False)  # the one place in the queue
    _recv_until(second, lambda m: m["type"] == "queue")
    third.event(hang, wait=False)
    refused = _recv_until(third, lambda m: m["type"] == "error")
    assert refused["message"] == "Queue is full. Please try again later."
    assert third.until_done(1) == {}
    api = httpx.post(url + "api/hang", json={"data": []}, timeout=WAIT)
    assert (api.status_code, api.json()["error"]) == (503, "Queue is full. Please try again later.")
    gate.open.set()
    assert value(second.until_done(1), out) == "done "


def test_time_limit_stops_a_run_with_a_clear_error_and_keeps_state(serve):
    release = threading.Event()

    def slow(count: int) -> int:
        release.wait(WAIT)
        return count + 100

    with gr.Blocks() as demo:
        count = gr.State(1)
        shown = gr.Number(label="Count")
        slow_btn, show = gr.Button("Slow"), gr.Button("Show")
        slow_btn.click(slow, count, count, time_limit=0.5, concurrency_limit=None)
        show.click(lambda c: c, count, shown)
    page = Page(serve(demo))
    try:
        page.event(slow_btn)
        (error,) = page.errors()
        assert error["message"] == "slow() was stopped after its time_limit of 0.5 s; nothing it returned after " \
                                   "that is kept."
    finally:
        release.set()
    time.sleep(0.2)  # the abandoned thread returns now; its result must not land
    assert value(page.event(show), shown) == 1


def test_cancels_stops_the_running_generator_and_drops_waiting_runs(serve):
    ticks: list[int] = []

    def count_up(n: int) -> Any:
        for i in range(1000):
            ticks.append(i)
            time.sleep(0.05)
            yield i

    with gr.Blocks() as demo:
        shown = gr.Number(label="Tick")
        start, stop = gr.Button("Start"), gr.Button("Stop")
        run = start.click(count_up, shown, shown)
        stop.click(None, None, None, cancels=[run])
    page = Page(serve(demo))
    page.event(start, wait=False)
    page.event(start, wait=False)  # waits behind the first, in this session
    _recv_until(page, lambda m: m["type"] == "update" and m["seq"] == 1 and m["updates"])
    page.event(stop, wait=False)
    pending = {1, 2, 3}
    while pending:  # in any order: the dropped one is answered first
        message = page.recv(timeout=WAIT)
        if message["type"] == "update" and message["done"]:
            pending.discard(message["seq"])
    stopped_at = len(ticks)
    time.sleep(0.3)  # six ticks' time: a generator still running would have added some
    assert len(ticks) <= stopped_at + 1
    assert 0 < stopped_at < 100


def test_resuming_takes_over_an_open_connection_and_rotates_the_token(serve):
    with gr.Blocks() as demo:
        box = gr.Textbox(label="Box")
        box.submit(lambda t: t.upper(), box, box)
    url = serve(demo)
    old = Page(url)
    token = old.session["resume"]
    new = Page(url, resume=token)
    assert new.session["resumed"] is True and new.session["resume"] != token
    told = _recv_until(old, lambda m: m["type"] == "expired")
    assert "another connection" in told["message"]
    with pytest.raises(ConnectionClosed):
        old.recv(timeout=WAIT)
    assert old.ws.close_code == 4409
    again = Page(url, resume=token)  # the old token died with its use
    assert again.session["type"] == "expired"
    assert value(new.event(box, "submit", {box: "hi"}), box) == "HI"


def test_gradio_default_concurrency_limit_env(serve, gate, monkeypatch):
    monkeypatch.setenv("GRADIO_DEFAULT_CONCURRENCY_LIMIT", "2")
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        run = gr.Button("Run")
        run.click(gate, None, out)
    url = serve(demo)
    pages = [Page(url) for _ in range(3)]
    for page in pages:
        page.event(run, wait=False)
    gate.wait_entered(2)
    _recv_until(pages[2], lambda m: m["type"] == "queue")
    gate.open.set()
    for page in pages:
        page.until_done(1)
    assert gate.most == 2


@pytest.mark.parametrize("bad", [0, -1, 1.5, "two"])
def test_bad_limits_are_refused_at_build_time(bad):
    with gr.Blocks():
        button = gr.Button("Run")
        with pytest.raises(gr.BlocksError, match="concurrency_limit="):
            button.click(lambda: None, None, None, concurrency_limit=bad)


def test_a_page_may_have_at_most_100_events_waiting(serve, gate):
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        hang = gr.Button("Hang")
        hang.click(gate, None, out)
    page = Page(serve(demo))
    page.event(hang, wait=False)
    gate.wait_entered()
    for _ in range(101):  # 100 wait behind the running one; the 101st is refused
        page.event(hang, wait=False)
    refused = _recv_until(page, lambda m: m["type"] == "error")
    assert (refused["seq"], refused["message"]) == (102, "100 events of this page are already waiting; wait "
                                                         "for them to finish.")
    gate.open.set()
    page.until_done(101)


def test_a_timed_out_sync_call_keeps_its_slot_until_its_thread_returns(serve, gate):
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        run = gr.Button("Run")
        run.click(gate, None, out, time_limit=0.3)
    url = serve(demo)
    first, second = Page(url), Page(url)
    first.event(run)  # stopped by its time limit; its thread still waits at the gate
    assert "time_limit of 0.3 s" in first.errors()[0]["message"]
    second.event(run, wait=False)
    _recv_until(second, lambda m: m["type"] == "queue" and m["position"] == 1)
    time.sleep(0.3)  # as long as the limit: had the slot been freed, the second call would be inside now
    assert gate.running == 1
    gate.open.set()
    assert value(second.until_done(1), out) == "done "
    assert gate.most == 1


def test_an_event_that_waits_less_than_the_status_update_rate_gets_no_queue_frames(serve, gate):
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        run = gr.Button("Run")
        run.click(gate, None, out)
    demo.queue(status_update_rate=60)  # the wait below ends long before, on any machine
    url = serve(demo)
    first, second = Page(url), Page(url)
    first.event(run, wait=False)
    gate.wait_entered()
    second.event(run, wait=False)
    second.send({"type": "nonsense"})  # answered after the event frame was handled: the event waits now
    _recv_until(second, lambda m: m["type"] == "error")
    gate.open.set()
    assert value(second.until_done(1), out) == "done "
    assert _queue_frames(second, 1) == []  # no "queue: 1/1" that would be gone before it is read
    assert gate.most == 1


def test_a_listener_raising_stop_iteration_fails_like_any_error_and_frees_its_slot(serve):
    def broken(text: str) -> str:
        return next(iter([]))  # an exhausted iterator: StopIteration, which an asyncio future refuses

    with gr.Blocks() as demo:
        box = gr.Textbox(label="Box")
        run = gr.Button("Run")
        run.click(broken, box, box)
    url = serve(demo)
    first, second = Page(url), Page(url)
    first.event(run)
    assert first.errors()[0]["message"].startswith("broken() failed")
    second.event(run)  # the default limit of 1: this runs only if the first call gave its slot back
    assert second.errors()[0]["message"].startswith("broken() failed")


def test_launch_max_threads_caps_sync_calls_at_once(serve, gate):
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        run = gr.Button("Run")
        run.click(gate, None, out, concurrency_limit=None)
    url = serve(demo, max_threads=2)
    try:
        pages = [Page(url) for _ in range(3)]
        for page in pages:
            page.event(run, wait=False)
        gate.wait_entered(2)
        time.sleep(0.3)  # long enough for a third thread to have entered, were there one
        assert gate.running == 2
        gate.open.set()
        for page in pages:
            assert value(page.until_done(1), out) == "done "
        assert gate.most == 2
    finally:
        threads.configure(threads.DEFAULT_MAX_THREADS)


def test_bad_max_threads_is_refused():
    with gr.Blocks() as demo:
        gr.Textbox()
    with pytest.raises(gr.BlocksError, match=r"launch\(max_threads=0\): give a whole number of threads"):
        demo.launch(max_threads=0, prevent_thread_lock=True, quiet=True)


def test_a_waiting_page_gets_an_eta_once_the_group_has_run_times_and_a_slow_run_says_its_expected_time(serve):
    def slow() -> str:
        time.sleep(0.6)
        return "done"

    with gr.Blocks() as demo:
        box = gr.Textbox(label="Out")
        run = gr.Button("Run")
        run.click(slow, None, box, concurrency_limit=1)
    url = serve(demo)
    first, second = Page(url), Page(url)
    first.event(run, wait=False)
    time.sleep(0.1)
    second.event(run, wait=False)
    before = _recv_until(second, lambda m: m["type"] == "queue" and m["position"] == 1)
    assert before["eta"] is None  # nothing finished yet: no estimate
    first.until_done(1)
    second.until_done(1)
    first.event(run, wait=False)  # now the group has two runs of ~0.6 s
    started = _recv_until(first, lambda m: m["type"] == "queue")
    assert started["position"] == 0 and 0.5 < started["eta"] < 1.5  # running: the expected time of a run
    time.sleep(0.1)
    second.event(run, wait=False)
    waiting = _recv_until(second, lambda m: m["type"] == "queue" and m["position"] == 1)
    assert 0.5 < waiting["eta"] < 1.6  # what is left of the first run, plus its own
    assert value(second.until_done(2), box) == "done"
