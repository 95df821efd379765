"""Property-based: any WebSocket frame and any HTTP body, against a real server. Nothing gets a 500
or a traceback, a rejected message changes nothing (seen through a real follow-up event or call),
and the server answers after each."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import blocks as gr

from .conftest import Page, value
from .logwatch import LogWatch

PYTHONS_LIMIT = sys.getrecursionlimit()
FUZZ = settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@contextlib.contextmanager
def pythons_recursion_limit() -> Iterator[None]:
    """Hypothesis raises the recursion limit while a test runs, for the whole process: the server's
    thread too, where a value nested 1,000 deep then no longer raises RecursionError. Put back
    Python's limit while the server handles a fuzzed message (Hypothesis accepts its own limits back)."""
    raised = sys.getrecursionlimit()
    sys.setrecursionlimit(PYTHONS_LIMIT)
    try:
        yield
    finally:
        sys.setrecursionlimit(raised)


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
# Around our limit (64), where repr() and == give up (about 1,000) and where orjson does (1,024).
depths = st.sampled_from([64, 65, 990, 1000, 1010, 1023]) | st.integers(30, 1100)
deep = (st.builds(lambda n: Raw("[" * n + "]" * n), depths)
        | st.builds(lambda n: Raw('{"a":' * n + "1" + "}" * n), depths))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=4), inner, max_size=4), max_leaves=12)
any_value = json_values | deep | huge_numbers.map(Raw)


def half(likely: st.SearchStrategy[Any], other: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """`likely` half of the time (a plain `|` would flatten `other`'s branches and dilute it)."""
    return st.booleans().flatmap(lambda first: likely if first else other)


# Values near what each input takes: half of the time of the right kind.
near_text = half(st.text(max_size=45), any_value)  # Name takes at most 40 characters
near_number = half(st.none() | st.integers(-10, 200) | st.floats(allow_nan=False, allow_infinity=False), any_value)
near_choices = half(st.lists(half(st.sampled_from(["Cereal", "Milk"]), any_value), max_size=4), any_value)
DEEP = Raw("[" * 1000 + "]" * 1000)  # always tried: repr() of it raised RecursionError (a 500, a traceback)


@pytest.fixture
def app(serve) -> Iterator[SimpleNamespace]:
    with gr.Blocks() as demo:
        log = gr.State([])
        name = gr.Textbox(label="Name", max_length=40)
        amount = gr.Number(label="Amount", minimum=0, maximum=100)
        items = gr.CheckboxGroup(["Cereal", "Milk"], label="Items")
        hidden = gr.Textbox(label="Hidden", visible=False)
        hidden.submit(lambda entries: entries + ["hidden"], log, log)  # a page may not fire it: hidden
        add = gr.Button("Add")
        add.click(lambda n, a, i, entries: entries + [[n, a, i]], [name, amount, items, log], log, api_name="add")
        name.submit(lambda n, entries: entries + [n], [name, log], log, api_name="submit")

        def refuse() -> None:
            raise gr.Error("Closed today")

        gr.Button("Fail").click(refuse, None, None, api_name="fail")
        probe, dump = gr.Button("Probe"), gr.Textbox(label="Dump", interactive=False)
        # The page's values as sent (preprocess=False): a value a listener refuses, such as an Amount
        # over its maximum, is still what the page shows, and the probe must see it, not fail on it.
        probe.click(lambda n, a, i, entries: json.dumps([n, a, i, entries]), [name, amount, items, log], dump,
                    api_name="probe", show_api=False, preprocess=False)
        gr.Button("Peek").click(lambda entries: json.dumps(entries), log, dump, api_name="peek")  # for API callers
        dump.focus(lambda entries: entries + ["dump"], log, log)  # a page may not fire it: not interactive
    url = serve(demo)
    watch = LogWatch().attach()
    ids = [b.id for b in demo.blocks_by_id.values()]
    listened = [(add.id, "click"), (name.id, "submit"), (hidden.id, "submit"), (dump.id, "focus")]
    inputs = {str(name.id): near_text, str(amount.id): near_number, str(items.id): near_choices}
    yield SimpleNamespace(url=url, watch=watch, ids=ids, listened=listened, inputs=inputs, probe=probe, dump=dump)
    watch.detach()


def _events(ids: list[int], listened: list[tuple[int, str]], inputs: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Event frames: triggers that have listeners (some a page may fire, some not) and wrong ones;
    wrong seqs; values near what each input takes, of every kind, for made-up components too."""
    targets = st.sampled_from(ids) | st.sampled_from([-1, 10**6, "1", None, 1.5, True])
    events = st.sampled_from(["click", "change", "input", "submit", "focus", "blur", "load", "unload", "nope", ""])
    triggers = st.sampled_from(listened) | st.tuples(targets, events)
    keys = st.sampled_from([str(i) for i in ids]) | st.text(max_size=6)
    values = half(st.fixed_dictionaries({}, optional=inputs), st.dictionaries(keys, any_value, max_size=3) | any_value)
    seqs = st.integers(0, 10**6) | st.sampled_from([None, "1", 1.5, -3])
    frames = st.fixed_dictionaries({"type": st.just("event"), "seq": seqs, "trigger": triggers},
                                   optional={"values": values})
    return frames.map(lambda f: {**{k: v for k, v in f.items() if k != "trigger"},
                                 "target": f["trigger"][0], "event": f["trigger"][1]})


def _frames(ids: list[int], listened: list[tuple[int, str]], inputs: dict[str, Any]) -> st.SearchStrategy[str | bytes]:
    # Any type but "bye", which ends the session (tested elsewhere).
    types = st.sampled_from(["hello", "event", "dance", "", "Event"]) | st.text(max_size=8).filter(lambda t: t != "bye")
    others = st.fixed_dictionaries({"type": types}, optional={"seq": st.integers(), "values": any_value})
    junk = others.map(dumps) | any_value.map(dumps) | st.text(max_size=50) | st.binary(max_size=50)
    return half(_events(ids, listened, inputs).map(dumps), junk)


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

    (add, _), (name, _), (hidden, _), _ = app.listened

    @FUZZ
    @given(frame=_frames(app.ids, app.listened, app.inputs))
    @example(frame=dumps({"type": "event", "seq": 1, "target": add, "event": "click", "values": {name: DEEP}}))
    @example(frame=dumps({"type": "event", "seq": 2, "target": name, "event": "submit", "values": {name: DEEP}}))
    @example(frame=dumps({"type": "event", "seq": 3, "target": add, "event": "click", "values": {name: "tea"}}))
    @example(frame=dumps({"type": "event", "seq": 4, "target": hidden, "event": "submit", "values": {name: "rum"}}))
    def check(frame: str | bytes) -> None:
        nonlocal state
        before = len(page.messages)
        with pythons_recursion_limit():
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


ARITY = {"add": 3, "submit": 1, "fail": 0, "probe": 3, "peek": 0, "nope": 0}  # non-State inputs


def _bodies(kept: str, arity: int) -> st.SearchStrategy[bytes]:
    """Bodies for an endpoint: data of its length (so the values are checked) or not, and worse."""
    hashes = st.sampled_from([kept, "guessed", "", None]) | st.integers() | st.lists(st.text(max_size=3), max_size=2)
    data = st.lists(any_value, min_size=arity, max_size=arity) | st.lists(any_value, max_size=5) | any_value
    shaped = st.fixed_dictionaries({"data": data},
                                   optional={"session_hash": hashes, "keep_session": st.sampled_from(
                                       [True, False, None, "yes", 1])})
    # Inputs for add into the kept session, near what each input takes: some calls are taken.
    typed = st.builds(lambda data: {"data": list(data), "session_hash": kept},
                      st.tuples(near_text, near_number, near_choices))
    junk = (any_value.map(dumps) | st.text(max_size=50)).map(str.encode) | st.binary(max_size=60)
    return half((shaped | typed).map(dumps).map(str.encode), junk)


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
    @given(call=st.sampled_from(sorted(ARITY)).flatmap(lambda e: st.tuples(st.just(e), _bodies(kept, ARITY[e]))))
    @example(call=("submit", dumps({"data": [DEEP], "session_hash": kept}).encode()))
    @example(call=("add", dumps({"data": [DEEP, 1, ["Milk"]], "session_hash": kept}).encode()))
    @example(call=("add", dumps({"data": ["tea", 2, []], "session_hash": kept}).encode()))  # taken: a change
    def check(call: tuple[str, bytes]) -> None:
        endpoint, body = call
        nonlocal state
        with pythons_recursion_limit():
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
