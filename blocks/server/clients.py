"""Per-client limits: how many WebSockets one address may hold open, and how many sessions it may
start a minute (pages and kept API sessions), so that one client cannot use up the server.

A client is its address as the server sees it (`request.client.host`): behind a reverse proxy,
every client has the proxy's address unless BLOCKS_FORWARDED_ALLOW_IPS names the proxy.
"""

from __future__ import annotations

import logging
import math
import os
import time

from ..errors import BlocksError, Refused
from ..request import Request

log = logging.getLogger("blocks")
SOCKETS_ENV, SESSIONS_ENV = "BLOCKS_MAX_SOCKETS_PER_CLIENT", "BLOCKS_MAX_SESSIONS_PER_MINUTE"
DEFAULT_SOCKETS, DEFAULT_SESSIONS = 50, 300
CLOSE_TOO_MANY = 4429  # WebSocket close code, as HTTP's 429
PRUNE_OVER = 4096  # clients remembered before the idle ones are forgotten


def env_limit(name: str, default: int) -> int:
    """A limit from the environment: a whole number, 0 for none; BlocksError otherwise."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise BlocksError(f"{name}={raw!r} is not a whole number; set it to e.g. {default}, 0 for no limit, "
                          f"or unset it for the default ({default}).")
    return int(raw)


class ClientLimits:
    """Open sockets and session starts per client address (BLOCKS_MAX_SOCKETS_PER_CLIENT,
    BLOCKS_MAX_SESSIONS_PER_MINUTE; 0 turns a limit off)."""

    def __init__(self) -> None:
        self.max_sockets = env_limit(SOCKETS_ENV, DEFAULT_SOCKETS)
        self.per_minute = env_limit(SESSIONS_ENV, DEFAULT_SESSIONS)
        self._sockets: dict[str, int] = {}
        self._buckets: dict[str, tuple[float, float]] = {}  # address -> (sessions it may start now, when)
        self._logged = -math.inf

    def open_socket(self, host: str) -> str | None:
        """Count a new socket of `host`; the refusal message when it already holds the maximum."""
        held = self._sockets.get(host, 0)
        if self.max_sockets and held >= self.max_sockets:
            self._log(f"refused a WebSocket from {host}: it holds {held} open ({SOCKETS_ENV})")
            return f"Too many open connections from your address ({held}, {SOCKETS_ENV}); close other tabs of this app."
        self._sockets[host] = held + 1
        return None

    def close_socket(self, host: str) -> None:
        """A socket counted by open_socket has closed."""
        held = self._sockets.pop(host, 0) - 1
        if held > 0:
            self._sockets[host] = held

    def admit_session(self, request: Request) -> None:
        """Count a new session of the request's client; Refused (429) over the per-minute limit.

        A token bucket: a client may start `per_minute` sessions at once, then one every
        60 / per_minute seconds.
        """
        if not self.per_minute:
            return
        host = request.client.host or ""
        now = time.monotonic()
        tokens, since = self._buckets.get(host, (float(self.per_minute), now))
        tokens = min(float(self.per_minute), tokens + (now - since) * self.per_minute / 60)
        if tokens < 1:
            self._log(f"refused a new session from {host}: over {self.per_minute} a minute ({SESSIONS_ENV})")
            raise Refused(f"Too many new sessions from your address (over {self.per_minute} a minute, "
                          f"{SESSIONS_ENV}); wait a minute.", 429, CLOSE_TOO_MANY,
                          retry_after=(1 - tokens) * 60 / self.per_minute)
        if len(self._buckets) >= PRUNE_OVER:
            self._prune(now)
        self._buckets[host] = (tokens - 1, now)

    def _prune(self, now: float) -> None:
        """Forget the clients whose allowance has filled up again: they are as good as new."""
        full = 60.0  # seconds after which any bucket is full again
        self._buckets = {host: (tokens, since) for host, (tokens, since) in self._buckets.items()
                         if now - since < full}

    def _log(self, what: str) -> None:
        """A refusal in the log, at most once a minute (a flood must not flood the log too)."""
        now = time.monotonic()
        if now - self._logged >= 60:
            self._logged = now
            log.warning("%s; behind a reverse proxy, set BLOCKS_FORWARDED_ALLOW_IPS so that clients are told "
                        "apart, or raise the limit", what)
