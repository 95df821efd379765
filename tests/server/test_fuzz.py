"""Property-based: any WebSocket frame and any HTTP body, against a real server. Nothing gets a 500
or a traceback, a rejected message changes nothing (seen through a real follow-up event or call),
and the server answers after each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import blocks as gr

from .conftest import Page, value
from .logwatch import LogWatch

FUZZ = settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))


class Raw:
    """JSON text put into a message as is: nesting too deep for json.dumps, numbers too big for a double."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text[:30]!r}...)" if len(self.text) > 30 else f"Raw({self.text!r})"


def dumps(message: Any) -> str:
    """JSON text of `message`, with each Raw inlined."""
    raws: list[str] = []

    def mark(raw: Raw) -> str:
        raws.append(raw.text)
        return f"\x00raw{len(raws) - 1}\x00"

    text = json.dumps(message, default=mark)
    for n, raw in enumerate(raws):
        text = text.replace(json.dumps(f"\x00raw{n}\x00"), raw)
    return text


scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=30)
           | st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(["Cereal", "Milk", "", "0"]))
huge_numbers = st.sampled_from(["1e400", "-1e400", "1" * 400, "123456789012345678901234567890", "-0", "1e-400"])
deep = (st.builds(lambda n: Raw("[" * n + "]" * n), st.integers(30, 1100))
        | st.builds(lambda n: Raw('{"a":' * n + "1" + "}" * n), st.integers(30, 1100)))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=4), inner, max_size=4), max_leaves=12)
any_value = json_values | deep | huge_numbers.map(Raw)


@pytest.fixture
def app(serve) -> Iterator[SimpleNamespace]:
    with gr.Blocks() as demo:
        log = gr.State([])
        name = gr.Textbox(label="Name", max_length=40)
        amount = gr.Number(label="Amount", minimum=0, maximum=100)
        items = gr.CheckboxGroup(["Cereal", "Milk"], label="Items")
        gr.Textbox(label="Hidden", visible=False)
        add = gr.Button("Add")
        add.click(lambda n, a, i, entries: entries + [[n, a, i]], [name, amount, items, log], log, api_name="add")
        name.submit(lambda n, entries: entries + [n], [name, log], log, api_name="submit")

        def refuse() -> None:
            raise gr.Error("Closed today")

        gr.Button("Fail").click(refuse, None, None, api_name="fail")
        probe, dump = gr.Button("Probe"), gr.Textbox(label="Dump", interactive=False)
        probe.click(lambda n, a, i, entries: json.dumps([n, a, i, entries]), [name, amount, items, log], dump,
                    api_name="probe", show_api=False)
        gr.Button("Peek").click(lambda entries: json.dumps(entries), log, dump, api_name="peek")  # for API callers
    url = serve(demo)
    watch = LogWatch().attach()
    ids = [b.id for b in demo.blocks_by_id.values()]
    listened = [(add.id, "click"), (name.id, "submit")]
    yield SimpleNamespace(url=url, watch=watch, ids=ids, listened=listened, probe=probe, dump=dump)
    watch.detach()


def _events(ids: list[int], listened: list[tuple[int, str]]) -> st.SearchStrategy[Any]:
    """Event frames: triggers that have listeners (so some are accepted) and wrong ones; wrong
    seqs; values of every kind, for real components and made-up ones."""
    targets = st.sampled_from(ids) | st.sampled_from([-1, 10**6, "1", None, 1.5, True])
    events = st.sampled_from(["click", "change", "input", "submit", "focus", "blur", "load", "unload", "nope", ""])
    triggers = st.sampled_from(listened) | st.tuples(targets, events)
    keys = st.sampled_from([str(i) for i in ids]) | st.text(max_size=6)
    values = st.dictionaries(keys, scalars | any_value, max_size=3) | any_value
    seqs = st.integers(0, 10**6) | st.sampled_from([None, "1", 1.5, -3])
    frames = st.fixed_dictionaries({"type": st.just("event"), "seq": seqs, "trigger": triggers},
                                   optional={"values": values})
    return frames.map(lambda f: {**{k: v for k, v in f.items() if k != "trigger"},
                                 "target": f["trigger"][0], "event": f["trigger"][1]})


def _frames(ids: list[int], listened: list[tuple[int, str]]) -> st.SearchStrategy[str | bytes]:
    # Any type but "bye", which ends the session (tested elsewhere).
    types = st.sampled_from(["hello", "event", "dance", "", "Event"]) | st.text(max_size=8).filter(lambda t: t != "bye")
    others = st.fixed_dictionaries({"type": types}, optional={"seq": st.integers(), "values": any_value})
    return (_events(ids, listened).map(dumps) | others.map(dumps) | any_value.map(dumps) | st.text(max_size=50)
            | st.binary(max_size=50))


def _look(page: Page, app: SimpleNamespace, seq: int) -> str:
    """The state, as the probe shows it (fired with a seq no fuzzed event uses). Frames are
    answered in order, so everything a fuzzed frame got comes before the probe's done."""
    page.send({"type": "event", "seq": seq, "target": app.probe.id, "event": "click", "values": {}})
    return value(page.until_done(seq), app.dump)


def test_any_websocket_frame_is_answered_without_a_traceback_or_a_change(app):
    page = Page(app.url)
    probes = iter(range(-10, -10**9, -1))  # fuzzed events' seqs are never below -3
    state = _look(page, app, next(probes))
    seen = {"refused": 0, "changed": 0}

    @FUZZ
    @given(frame=_frames(app.ids, app.listened))
    def check(frame: str | bytes) -> None:
        nonlocal state
        before = len(page.messages)
        page.send(frame)
        shown = _look(page, app, next(probes))
        answers = [m for m in page.messages[before:] if m.get("type") == "error"]
        assert not [m for m in answers if m["title"] == "Server error"], answers
        if any(m["title"] == "Bad request" for m in answers):
            seen["refused"] += 1
            assert shown == state, f"a refused frame changed the state: {frame!r}"
        seen["changed"] += shown != state
        state = shown
        assert app.watch.tracebacks() == []

    check()
    assert seen["refused"] and seen["changed"], seen  # both kinds were tried
    assert app.watch.tracebacks() == [] and app.watch.errors() == []


def _bodies(kept: str) -> st.SearchStrategy[bytes]:
    hashes = st.sampled_from([kept, "guessed", "", None]) | st.integers() | st.lists(st.text(max_size=3), max_size=2)
    shaped = st.fixed_dictionaries({"data": st.lists(any_value, max_size=5) | any_value},
                                   optional={"session_hash": hashes, "keep_session": st.sampled_from(
                                       [True, False, None, "yes", 1])})
    fitting = st.tuples(st.text(max_size=10), st.none() | st.integers(0, 100), st.lists(st.sampled_from(["Milk"])))
    valid = st.builds(lambda data: {"data": list(data), "session_hash": kept}, fitting)  # for add: some are taken
    return ((shaped | valid).map(dumps) | any_value.map(dumps) | st.text(max_size=50)).map(str.encode) | st.binary(
        max_size=60)


def _peek(client: httpx.Client, kept: str) -> str:
    response = client.post("api/peek", json={"data": [], "session_hash": kept})
    assert response.status_code == 200, response.text
    return response.json()["data"][0]


def test_any_http_body_is_answered_without_a_500_or_a_change(app):
    with httpx.Client(base_url=app.url) as client:
        _fuzz_bodies(app, client)
    assert app.watch.tracebacks() == [] and app.watch.errors() == []


def _fuzz_bodies(app: SimpleNamespace, client: httpx.Client) -> None:
    kept = client.post("api/add", json={"data": ["tea", 1, ["Milk"]], "keep_session": True}).json()["session_hash"]
    state = _peek(client, kept)
    seen = {"refused": 0, "changed": 0}

    @FUZZ
    @given(body=_bodies(kept), endpoint=st.sampled_from(["add", "submit", "fail", "probe", "peek", "nope"]))
    def check(body: bytes, endpoint: str) -> None:
        nonlocal state
        response = client.post(f"api/{endpoint}", content=body, headers={"Content-Type": "application/json"})
        assert response.status_code in (200, 400, 404, 413, 422), (response.status_code, response.text)
        assert response.status_code == 200 or response.json()["error"]
        shown = _peek(client, kept)  # the server answers, and shows what the kept session holds
        if response.status_code != 200 and "title" not in response.json():  # refused, not a listener's gr.Error
            seen["refused"] += 1
            assert shown == state, f"a refused body changed the state: {body!r}"
        seen["changed"] += shown != state
        state = shown
        assert app.watch.tracebacks() == []

    check()
    assert seen["refused"] and seen["changed"], seen
