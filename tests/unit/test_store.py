"""The SessionStore contract: every store (memory now, Redis later) must pass these."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from blocks.store import MemoryStore, SessionStore

from .aio import run

STORES: list[Callable[[], SessionStore]] = [MemoryStore]


@pytest.fixture(params=STORES, ids=lambda factory: factory.__name__)
def store(request: pytest.FixtureRequest) -> SessionStore:
    return request.param()


def test_create_load_commit(store):
    async def scenario() -> Any:
        await store.create("s1", {1: "a", 2: [1, 2], ("props", 1): {"visible": False}})
        await store.commit("s1", {2: [1, 2, 3], 3: {"x": 1}})
        return await store.load("s1"), await store.load("nope")

    values, missing = run(scenario())
    assert values == {1: "a", 2: [1, 2, 3], 3: {"x": 1}, ("props", 1): {"visible": False}}
    assert missing is None


def test_release_hold_and_expiry(store):
    async def scenario() -> tuple[list[str], list[str], list[str], Any, int]:
        await store.create("old", {1: "x"})
        await store.create("new", {1: "y"})
        await store.create("held", {1: "z"})
        await store.release("old", 100.0)
        await store.release("new", 200.0)
        await store.release("held", 100.0)
        await store.hold("held")  # used again: no longer expiring
        first = sorted(await store.expired(150.0))
        both = sorted(await store.expired(250.0))
        dropped = await store.delete("old")
        after = sorted(await store.expired(250.0))
        return first, both, after, dropped, await store.count()

    first, both, after, dropped, count = run(scenario())
    assert first == ["old"] and both == ["new", "old"] and after == ["new"]
    assert dropped == {1: "x"} and count == 2


def test_commit_to_a_missing_session_creates_nothing(store):
    async def scenario() -> tuple[Any, int]:
        await store.commit("ghost", {1: "boo"})
        return await store.load("ghost"), await store.count()

    assert run(scenario()) == (None, 0)


def test_oldest_released_first(store):
    async def scenario() -> tuple[list[str], list[str], list[str], list[str]]:
        for sid in ("a", "b", "c", "open"):
            await store.create(sid, {1: sid})
        await store.release("b", 100.0)
        await store.release("a", 200.0)
        await store.release("c", 300.0)
        first = await store.oldest_released(2)
        await store.release("b", 400.0)  # released again later (an API session after another call)
        again = await store.oldest_released(5)
        await store.hold("a")
        await store.release("early", 50.0)  # not stored: nothing to release
        held = await store.oldest_released(5)
        await store.release("a", 250.0)  # an earlier time than the latest: still in time order
        return first, again, held, await store.oldest_released(5)

    first, again, held, reordered = run(scenario())
    assert first == ["b", "a"]
    assert again == ["a", "c", "b"]
    assert held == ["c", "b"]  # held again: not released, "open" never was
    assert reordered == ["a", "c", "b"]
