"""gr.cache and gr.Cache: one call per distinct arguments, generators replayed, LRU bounds, sessions apart."""

from __future__ import annotations

import pytest

import blocks as gr
from blocks.files.access import current_session

from .aio import run


def test_a_cached_function_runs_once_per_distinct_arguments():
    calls = []

    @gr.cache
    def double(x, times=2):
        calls.append(x)
        return [x] * times

    assert double(3) == [3, 3] and double(3) == [3, 3] and double(x=3) == [3, 3] and calls == [3]
    assert double(3, 3) == [3, 3, 3] and calls == [3, 3]
    assert gr.cache(double.__wrapped__) is gr.cache(double.__wrapped__)  # at run time: one shared cache


def test_generators_and_async_functions_are_replayed_from_the_cache():
    runs = []

    @gr.cache(key=lambda kw: kw["text"].lower())
    def spell(text):
        runs.append(text)
        yield from text

    assert list(spell("ab")) == ["a", "b"] and list(spell("AB")) == ["a", "b"] and runs == ["ab"]

    @gr.cache
    async def slow(x):
        runs.append(x)
        return x + 1

    assert _run(slow(1)) == 2 and _run(slow(1)) == 2 and runs == ["ab", 1]


_run = run


def test_manual_cache_is_lru_bounded_and_per_session_entries_stay_apart():
    c = gr.Cache(max_size=2)
    c.set("a", v=1)
    c.set("b", v=2)
    assert c.get("a") == {"v": 1}
    c.set("c", v=3)  # "b" was used least recently
    assert c.get("b") is None and c.keys() == ["a", "c"] and len(c) == 2
    mine = gr.Cache(per_session=True)
    token = current_session.set("s1")
    mine.set("k", v="one")
    current_session.reset(token)
    token = current_session.set("s2")
    assert mine.get("k") is None and mine.keys() == []
    current_session.reset(token)
    with pytest.raises(gr.BlocksError, match=r"gr.cache\(3\): give the function"):
        gr.cache(3)
