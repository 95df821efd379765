"""The store interface: a session's values, committed atomically, dropped after expiry."""

from __future__ import annotations

from typing import Any, Protocol


class SessionStore(Protocol):
    """Holds `{key: value}` per session id.

    Keys are component ids (values) and ("props", id) (a session's prop updates).
    A store returns values that callers must treat as read-only: changes go
    through `commit`, so a failed listener never leaves half-written state.

    Deep links (`save_link` / `load_link`) outlive the session they were taken from, so
    they are kept apart from the sessions, as bytes that any worker sharing the store reads.
    """

    async def create(self, session_id: str, values: dict[Any, Any]) -> None:
        """Start a session with its initial values."""

    async def load(self, session_id: str) -> dict[Any, Any] | None:
        """The session's values, or None if there is no such session."""

    async def commit(self, session_id: str, changes: dict[Any, Any]) -> None:
        """Apply `changes` to the session's values, all at once."""

    async def release(self, session_id: str, at: float) -> None:
        """No page holds the session since `at`; it expires `ttl` seconds later."""

    async def hold(self, session_id: str) -> None:
        """A page (or an API call) holds the session again: it does not expire."""

    async def expired(self, before: float) -> list[str]:
        """Ids of sessions released before `before`."""

    async def oldest_released(self, limit: int) -> list[str]:
        """Ids of at most `limit` released sessions, the longest released first (what
        state_session_capacity drops to make room)."""

    async def delete(self, session_id: str) -> dict[Any, Any] | None:
        """Remove a session; returns its last values."""

    async def count(self) -> int:
        """How many sessions are stored."""

    async def save_link(self, link_id: str, snapshot: bytes, expires_at: float) -> None:
        """Keep a deep link's snapshot (JSON bytes, deep_link.py) until `expires_at` (time.time())."""

    async def load_link(self, link_id: str, now: float) -> bytes | None:
        """A deep link's snapshot, or None if there is none or it expired before `now`."""
