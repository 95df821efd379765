"""Bad input over the WebSocket: a clear message or close code, the server keeps serving, no state changes."""

from __future__ import annotations

import orjson
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

import blocks as gr

from .conftest import Page, value


@pytest.fixture
def counter(serve):
    with gr.Blocks() as demo:
        count = gr.State(0)
        name = gr.Textbox(label="Name")
        amount = gr.Number(label="Amount")
        add = gr.Button("Add")
        shown = gr.Number(label="Count")
        add.click(lambda c, a: c + (a or 1), [count, amount], count)
        count.change(lambda c: c, count, shown)
        name.submit(lambda n: n.upper(), name, name)
    return serve(demo), add, amount, shown, name


def _count_after(page: Page, add: gr.Button, shown: gr.Number) -> float:
    return value(page.event(add), shown)


def test_not_json_gets_an_error_and_the_page_keeps_working(counter):
    url, add, _, shown, _ = counter
    page = Page(url)
    page.send("this is not json")
    assert "not JSON" in page.recv()["message"]
    assert _count_after(page, add, shown) == 1


@pytest.mark.parametrize("message, expected", [
    ({"type": "event", "seq": 1, "target": 999, "event": "click"}, "no listener for 'click' on component 999"),
    ({"type": "event", "seq": 1, "target": "x", "event": "click"}, "integer"),
    ({"type": "dance"}, "unknown message type 'dance'"),
    ([1, 2], "JSON object"),
])
def test_malformed_messages_are_explained(counter, message, expected):
    url, add, _, shown, _ = counter
    page = Page(url)
    page.send(orjson.dumps(message).decode())
    error = page.recv()
    assert error["type"] == "error" and expected in error["message"]
    assert _count_after(page, add, shown) == 1


def test_wrong_value_types_change_nothing(counter):
    url, add, amount, shown, _ = counter
    page = Page(url)
    page.send({"type": "event", "seq": 1, "target": add.id, "event": "click", "values": {str(amount.id): "ten"}})
    assert page.recv()["message"] == "Number 'Amount' expects a finite number or null, got 'ten'."
    page.until_done(1)
    page.seq = 1
    assert _count_after(page, add, shown) == 1  # the bad amount was not stored


def test_values_for_display_only_components_are_refused(counter):
    url, add, _, shown, _ = counter
    page = Page(url)
    page.send({"type": "event", "seq": 1, "target": add.id, "event": "click", "values": {str(shown.id): 99}})
    assert "does not accept input" in page.recv()["message"]


def test_a_message_over_one_megabyte_closes_with_1009(counter):
    url, *_ = counter
    page = Page(url)
    page.send("x" * 1_100_000)
    with pytest.raises(ConnectionClosed) as closed:
        for _ in range(5):
            page.recv()
    assert closed.value.rcvd.code == 1009
    assert Page(url).session_hash  # the server keeps serving


def test_first_message_must_be_hello(serve):
    with gr.Blocks() as demo:
        gr.Textbox()
    url = serve(demo)
    with connect(url.replace("http", "ws") + "ws") as ws:
        ws.send('{"type": "event"}')
        assert "hello" in orjson.loads(ws.recv(timeout=5))["message"]
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=5)
        assert closed.value.rcvd.code == 4400


def test_forged_resume_token_is_refused(counter):
    url, *_ = counter
    page = Page(url, resume="made-up-token")
    assert page.session["type"] == "expired"
    with pytest.raises(ConnectionClosed) as closed:
        page.recv()
    assert closed.value.rcvd.code == 4401


def test_submit_event_and_value_roundtrip(counter):
    url, _, _, _, name = counter
    page = Page(url)
    assert value(page.event(name, "submit", {name: "ada"}), name) == "ADA"


def test_callback_errors_show_a_message_but_hide_internals(serve):
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        boom = gr.Button("Boom")
        boom.click(lambda: 1 / 0, None, out)
    page = Page(serve(demo))
    page.event(boom)
    (error,) = page.errors()
    assert error["message"] == "<lambda>() failed (ZeroDivisionError). The server log has the details."


def test_returning_the_wrong_number_of_values_is_explained(serve):
    with gr.Blocks() as demo:
        a, b = gr.Textbox(label="A"), gr.Textbox(label="B")
        go = gr.Button("Go")
        go.click(lambda: ("only one",), None, [a, b])
    page = Page(serve(demo))
    page.event(go)
    assert "returned 1 values but has 2 outputs" in page.errors()[0]["message"]


def test_a_page_cannot_fire_server_side_events(serve):
    unloaded = []
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Number(label="Count")
        count.change(lambda c: c, count, shown)

        @demo.unload
        def gone(request: gr.Request) -> None:
            unloaded.append(request.session_hash)

    page = Page(serve(demo))
    for target, event in ((demo.id, "unload"), (demo.id, "load"), (count.id, "change")):
        page.send({"type": "event", "seq": 1, "target": target, "event": event, "values": {}})
        assert "that a page may trigger" in page.recv()["message"]
    assert unloaded == []


def test_hidden_or_disabled_components_refuse_events_and_values(serve):
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        go = gr.Button("Go")
        lock = gr.Button("Lock")
        out = gr.Textbox(label="Out")
        go.click(lambda n: n, name, out)
        lock.click(lambda: (gr.update(visible=False), gr.update(interactive=False)), None, [go, name])
    page = Page(serve(demo))
    page.event(lock)
    page.send({"type": "event", "seq": 2, "target": go.id, "event": "click", "values": {}})
    page.until_done(2)
    page.send({"type": "event", "seq": 3, "target": lock.id, "event": "click", "values": {str(name.id): "x"}})
    page.until_done(3)
    messages = [e["message"] for e in page.errors()]
    assert "Button 'Go' is hidden or not interactive; its 'click' event is refused" in messages
    assert f"component '{name.id}' does not exist or does not accept input." in messages


def test_js_inputs_reach_only_that_call_and_bad_ones_are_refused_before_any_change(serve):
    with gr.Blocks() as demo:
        box = gr.Textbox("abc", label="In")
        out = gr.Textbox(label="Out")
        go = gr.Button("Go")
        listener = go.click(lambda x: f"py:{x}", box, out, js="(x) => x.toUpperCase()")
        read = gr.Button("Read")
        read.click(lambda x: f"read:{x}", box, out)
    page = Page(serve(demo))
    dep = str(listener.id)
    for bad in ({dep: {str(out.id): "x"}}, {"99": {str(box.id): "x"}}, {dep: {str(box.id): ["not", "text"]}}, []):
        page.seq += 1
        page.send({"type": "event", "seq": page.seq, "target": go.id, "event": "click",
                   "values": {str(box.id): "typed"}, "js_inputs": bad})
        reply = page.until_done(page.seq)
        assert page.errors()[-1]["title"] == "Bad request" and reply == {}
    assert value(page.event(read), out) == "read:abc"  # the refused events changed nothing
    page.seq += 1
    page.send({"type": "event", "seq": page.seq, "target": go.id, "event": "click",
               "values": {str(box.id): "typed"}, "js_inputs": {dep: {str(box.id): "TYPED"}}})
    assert value(page.until_done(page.seq), out) == "py:TYPED"
    assert value(page.event(read), out) == "read:typed"  # the session keeps what the page shows
