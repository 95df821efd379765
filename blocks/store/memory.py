"""The default store: session values in this process's memory."""

from __future__ import annotations

from typing import Any


class MemoryStore:
    """Sessions in a dict. Values are kept as Python objects, without copies."""

    def __init__(self) -> None:
        self._values: dict[str, dict[Any, Any]] = {}
        self._released: dict[str, float] = {}

    async def create(self, session_id: str, values: dict[Any, Any]) -> None:
        self._values[session_id] = values

    async def load(self, session_id: str) -> dict[Any, Any] | None:
        return self._values.get(session_id)

    async def commit(self, session_id: str, changes: dict[Any, Any]) -> None:
        values = self._values.get(session_id)
        if values is not None:
            values.update(changes)

    async def release(self, session_id: str, at: float) -> None:
        if session_id in self._values:
            self._released[session_id] = at

    async def hold(self, session_id: str) -> None:
        self._released.pop(session_id, None)

    async def expired(self, before: float) -> list[str]:
        return [sid for sid, at in self._released.items() if at < before]

    async def delete(self, session_id: str) -> dict[Any, Any] | None:
        self._released.pop(session_id, None)
        return self._values.pop(session_id, None)

    async def count(self) -> int:
        return len(self._values)
