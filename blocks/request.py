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
    """What triggered a listener; annotate a parameter with `gr.EventData` (or a subclass such as
    `gr.SelectData`) to receive it.

    Attributes:
        target: the component whose event it is.
        event: the event's name ("select", "key_up" ...).
        _data: the fields the page sent with the event, as a dict.
    """

    # Subclasses: the fields they read from the page's event data, with their defaults.
    fields: dict[str, Any] = {}

    def __init__(self, target: Any, event: str = "", data: dict[str, Any] | None = None):
        self.target = target
        self.event = event
        self._data = data if isinstance(data, dict) else {}
        for name, default in type(self).fields.items():
            setattr(self, name, self._data.get(name, default))

    @classmethod
    def of(cls, event: "EventData | None") -> "EventData | None":
        """This kind of event data, built from the event that triggered the listener."""
        if event is None or type(event) is cls:
            return event
        return cls(event.target, event.event, event._data)

    def __getattr__(self, name: str) -> Any:
        """Any other field the page sent (`trigger('keypress', {key: e.key})` gives `.key`), as Gradio's."""
        data = self.__dict__.get("_data") or {}
        if name in data:
            return data[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).fields)
        return f"<{type(self).__name__} {self.event} {shown}>"


class SelectData(EventData):
    """A `.select`: which item (index, value; row/column values in tables) and whether it is now selected."""

    fields = {"index": None, "value": None, "row_value": None, "col_value": None, "selected": True}


class KeyUpData(EventData):
    """A `.key_up`: the key released and the input's value at that moment."""

    fields = {"key": None, "input_value": None}


class CopyData(EventData):
    """A `.copy`: the text copied."""

    fields = {"value": None}


class LikeData(EventData):
    """A chat message liked or disliked: its index, value and `liked` (True, False or "" when undone)."""

    fields = {"index": None, "value": None, "liked": True}


class RetryData(EventData):
    """A chat message to retry: its index and value."""

    fields = {"index": None, "value": None}


class UndoData(EventData):
    """A chat message undone: its index and value."""

    fields = {"index": None, "value": None}


class EditData(EventData):
    """A chat message edited: its index, the new value and the previous one."""

    fields = {"index": None, "value": None, "previous_value": None}


class DownloadData(EventData):
    """A file downloaded."""

    fields = {"file": None}


class DeletedFileData(EventData):
    """A file removed from an upload component."""

    fields = {"file": None}


EVENT_DATA_CLASSES = {cls.__name__: cls for cls in (EventData, SelectData, KeyUpData, CopyData, LikeData, RetryData,
                                                     UndoData, EditData, DownloadData, DeletedFileData)}
