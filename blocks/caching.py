"""gr.cache and gr.Cache: results kept per arguments, in this process's memory, least recently used out.

@gr.cache memoizes a function (sync, async, generator or async generator: a generator's yields are
replayed on a hit) by a content hash of its arguments, or of key(kwargs) when given. gr.Cache() is
the manual form, a default parameter value the function reads and writes (get/set/keys/clear).
per_session=True keys entries by the session running the listener (files.access.current_session).
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from .errors import BlocksError
from .files.access import current_session
from .files.data import parse_size


def cache_hash(value: Any) -> str:
    """A content hash of a value (arrays, images and frames by their bytes, through pickle)."""
    try:
        data = pickle.dumps(value, protocol=4)
    except Exception:  # noqa: BLE001 - unpicklable values (locks, generators) are keyed by their repr
        data = repr(value).encode()
    return hashlib.sha256(data).hexdigest()


class _Store:
    """An LRU dict of entries, bounded by count and (roughly, by pickled size) by memory."""

    def __init__(self, max_size: int, max_memory: Any, per_session: bool):
        self.max_size, self.per_session = max_size, per_session
        self.max_memory = None if max_memory is None else parse_size(max_memory)
        self.entries: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.sizes: dict[str, int] = {}
        self.lock = threading.Lock()

    def _prefix(self) -> str:
        return f"{current_session.get() or '_global'}:" if self.per_session else ""

    def get(self, key_hash: str) -> dict[str, Any] | None:
        full = self._prefix() + key_hash
        with self.lock:
            if full not in self.entries:
                return None
            self.entries.move_to_end(full)
            return self.entries[full]

    def put(self, key_hash: str, entry: dict[str, Any]) -> None:
        full = self._prefix() + key_hash
        size = len(pickle.dumps(entry, protocol=4)) if self.max_memory is not None else 0
        with self.lock:
            self.entries[full] = entry
            self.entries.move_to_end(full)
            self.sizes[full] = size
            while self.entries and ((self.max_size > 0 and len(self.entries) > self.max_size) or (
                    self.max_memory is not None and len(self.entries) > 1
                    and sum(self.sizes.values()) > self.max_memory)):
                oldest, _ = self.entries.popitem(last=False)
                self.sizes.pop(oldest, None)

    def keys(self) -> list[Any]:
        prefix = self._prefix()
        with self.lock:
            return [e.get("_key") for k, e in self.entries.items() if k.startswith(prefix)]

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.sizes.clear()


class Cache:
    """A cache the function reads and writes itself: `def f(x, c=gr.Cache()): hit = c.get(x) ...`.

    Args:
        max_size: entries kept (least recently used dropped first); 0 for no limit.
        max_memory: bytes ("512mb") the entries may take, roughly; None for no limit.
        per_session: each session sees only its own entries.
    """

    def __init__(self, *, max_size: int = 128, max_memory: str | int | None = None, per_session: bool = False):
        self._store = _Store(max_size, max_memory, per_session)

    def get(self, key: Any) -> dict[str, Any] | None:
        """The data stored under key, or None."""
        entry = self._store.get(cache_hash(key))
        return None if entry is None else {k: v for k, v in entry.items() if k != "_key"}

    def set(self, key: Any, **data: Any) -> None:
        """Store data (keyword arguments) under key."""
        self._store.put(cache_hash(key), {"_key": key, **data})

    def keys(self) -> list[Any]:
        """The keys stored (this session's, with per_session)."""
        return self._store.keys()

    def clear(self) -> None:
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store.entries)


def _wrap(fn: Callable[..., Any], key: Callable[..., Any] | None, store: _Store) -> Callable[..., Any]:
    signature = inspect.signature(fn)

    def key_of(args: tuple, kwargs: dict[str, Any]) -> str:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        return cache_hash(key(arguments) if key is not None else arguments)

    if inspect.isasyncgenfunction(fn):
        async def agen(*args: Any, **kwargs: Any) -> Any:
            digest = key_of(args, kwargs)
            hit = store.get(digest)
            if hit is not None:
                for item in hit["yields"]:
                    yield item
                return
            seen = []
            async for item in fn(*args, **kwargs):
                seen.append(item)
                yield item
            store.put(digest, {"yields": seen})
        return functools.wraps(fn)(agen)
    if inspect.isgeneratorfunction(fn):
        def gen(*args: Any, **kwargs: Any) -> Any:
            digest = key_of(args, kwargs)
            hit = store.get(digest)
            if hit is not None:
                yield from hit["yields"]
                return
            seen = []
            for item in fn(*args, **kwargs):
                seen.append(item)
                yield item
            store.put(digest, {"yields": seen})
        return functools.wraps(fn)(gen)
    if inspect.iscoroutinefunction(fn):
        async def coro(*args: Any, **kwargs: Any) -> Any:
            digest = key_of(args, kwargs)
            hit = store.get(digest)
            if hit is None:
                hit = {"value": await fn(*args, **kwargs)}
                store.put(digest, hit)
            return hit["value"]
        return functools.wraps(fn)(coro)

    def call(*args: Any, **kwargs: Any) -> Any:
        digest = key_of(args, kwargs)
        hit = store.get(digest)
        if hit is None:
            hit = {"value": fn(*args, **kwargs)}
            store.put(digest, hit)
        return hit["value"]
    return functools.wraps(fn)(call)


_wrappers: dict[tuple, Callable[..., Any]] = {}  # so gr.cache(fn)(...) at run time shares one cache per fn


def cache(fn: Callable[..., Any] | None = None, *, key: Callable[..., Any] | None = None, max_size: int = 128,
          max_memory: str | int | None = None, per_session: bool = False) -> Any:
    """Memoize fn by its arguments: `@gr.cache`, `@gr.cache(max_size=256)`, or `gr.cache(fn)(x)`.

    Args:
        key: a function of the arguments (a dict by name) giving what to key on.
        max_size, max_memory, per_session: as gr.Cache's.
    """
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        if not callable(func):
            raise BlocksError(f"gr.cache({func!r}): give the function to cache, e.g. gr.cache(fn)(x), not "
                              f"gr.cache(fn(x)).")
        config = (func, key, max_size, max_memory, per_session)
        if config not in _wrappers:
            _wrappers[config] = _wrap(func, key, _Store(max_size, max_memory, per_session))
        return _wrappers[config]
    return decorate(fn) if fn is not None else decorate
