"""The default store: session values in this process's memory."""

from __future__ import annotations

import itertools
from typing import Any

MAX_LINK_BYTES = 256_000_000  # deep links kept in memory at most; the oldest go first beyond it


class MemoryStore:
    """Sessions in a dict. Values are kept as Python objects, without copies.

    Released sessions are kept in the order of their release times, so that the oldest is
    found without a scan (a full server looks for it on every new session).
    """

    def __init__(self) -> None:
        self._values: dict[str, dict[Any, Any]] = {}
        self._released: dict[str, float] = {}
        self._links: dict[str, tuple[float, bytes]] = {}  # in the order saved: the oldest first
        self._link_bytes = 0

    async def create(self, session_id: str, values: dict[Any, Any]) -> None:
        self._values[session_id] = values

    async def load(self, session_id: str) -> dict[Any, Any] | None:
        return self._values.get(session_id)

    async def commit(self, session_id: str, changes: dict[Any, Any]) -> None:
        values = self._values.get(session_id)
        if values is not None:
            values.update(changes)

    async def release(self, session_id: str, at: float) -> None:
        if session_id not in self._values:
            return
        self._released.pop(session_id, None)
        if self._released and at < next(reversed(self._released.values())):
            # An earlier time than the latest one (not what the server does): keep the order.
            self._released = dict(sorted([*self._released.items(), (session_id, at)], key=lambda item: item[1]))
        else:
            self._released[session_id] = at

    async def hold(self, session_id: str) -> None:
        self._released.pop(session_id, None)

    async def expired(self, before: float) -> list[str]:
        return [sid for sid, _ in itertools.takewhile(lambda item: item[1] < before, self._released.items())]

    async def oldest_released(self, limit: int) -> list[str]:
        return list(itertools.islice(self._released, max(limit, 0)))

    async def delete(self, session_id: str) -> dict[Any, Any] | None:
        self._released.pop(session_id, None)
        return self._values.pop(session_id, None)

    async def count(self) -> int:
        return len(self._values)

    async def save_link(self, link_id: str, snapshot: bytes, expires_at: float) -> None:
        self._drop_link(link_id)
        self._links[link_id] = (expires_at, snapshot)
        self._link_bytes += len(snapshot)
        while self._link_bytes > MAX_LINK_BYTES and len(self._links) > 1:
            self._drop_link(next(iter(self._links)))

    async def load_link(self, link_id: str, now: float) -> bytes | None:
        # Expired links go here, from the oldest on: saved with one TTL, they expire in the order saved.
        while self._links:
            oldest = next(iter(self._links))
            if self._links[oldest][0] >= now:
                break
            self._drop_link(oldest)
        found = self._links.get(link_id)
        return None if found is None or found[0] < now else found[1]

    def _drop_link(self, link_id: str) -> None:
        dropped = self._links.pop(link_id, None)
        if dropped is not None:
            self._link_bytes -= len(dropped[1])
