"""gr.Request and gr.EventData: what a callback can learn about who called it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple


class Client(NamedTuple):
    """The peer's address."""

    host: str | None
    port: int | None


class Request:
    """The request behind an event; annotate a parameter with `gr.Request` to receive it.

    Attributes:
        session_hash: the server-issued id of this page session (at least 128 random bits).
        headers: the request headers (case-insensitive mapping).
        client: the peer's (host, port).
        query_params: the page's query string as a mapping.
        cookies: the request cookies.
        url: the page or endpoint URL.
        username: the logged-in user, if any.
        request: the underlying Starlette request or websocket, when there is one.
    """

    def __init__(
        self,
        session_hash: str | None = None,
        headers: Mapping[str, str] | None = None,
        client: Client | None = None,
        query_params: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        url: str = "",
        username: str | None = None,
        request: Any = None,
    ):
        self.session_hash = session_hash
        self.headers = headers if headers is not None else {}
        self.client = client or Client(None, None)
        self.query_params = query_params if query_params is not None else {}
        self.cookies = cookies if cookies is not None else {}
        self.url = url
        self.username = username
        self.request = request

    def for_session(self, session_hash: str, keep_connection: bool = True) -> "Request":
        """The same request, tied to a session; without its connection object when it must not
        outlive the call (an API session is kept for the TTL, its HTTP request is not)."""
        return Request(session_hash, self.headers, self.client, self.query_params, self.cookies,
                       self.url, self.username, self.request if keep_connection else None)

    def __getattr__(self, name: str) -> Any:
        # Gradio code sometimes reads Starlette attributes (request.method ...) through it.
        if self.request is not None and not name.startswith("_"):
            return getattr(self.request, name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"<Request session_hash={self.session_hash!r} client={self.client.host!r}>"


class EventData:
    """What triggered a listener; annotate a parameter with `gr.EventData` to receive it."""

    def __init__(self, target: Any, event: str, data: Any = None):
        self.target = target
        self.event = event
        self._data = data
