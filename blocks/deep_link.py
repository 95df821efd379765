"""Deep links (gr.DeepLinkButton): a snapshot of what a session's page shows, kept in the store under an
unguessable id for `deep_link_ttl()` seconds; a page opened with `?deep_link=<id>` starts a new session
showing it.

A snapshot holds the page-side values of the static tree's components and the prop updates the session
made (a hidden component shown, a Tab selected); never gr.State or BrowserState, which stay the
session's own. It is stored as JSON bytes, so that a store shared by several workers can hold it.
"""

from __future__ import annotations

import os
import re
import secrets
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from .tree import Tree

DEFAULT_TTL = 7 * 24 * 3600.0  # a week: long enough to share, short enough not to pile up
MAX_SNAPSHOT_BYTES = 5_000_000
LINK_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")  # what link_id() makes; anything else is not looked up


class LinkError(Exception):
    """A snapshot that cannot be taken (too large, or a value that is not JSON); the message says which."""


def deep_link_ttl() -> float:
    """Seconds a deep link stays usable (BLOCKS_DEEP_LINK_TTL, default a week)."""
    raw = os.environ.get("BLOCKS_DEEP_LINK_TTL", "").strip()
    try:
        seconds = float(raw) if raw else DEFAULT_TTL
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise LinkError(f"BLOCKS_DEEP_LINK_TTL={raw!r} is not a number of seconds; set it to e.g. 86400, or unset "
                        f"it for the default ({DEFAULT_TTL:g} s, a week).")
    return seconds


def link_id() -> str:
    """A new id: 128 random bits, URL-safe (never a counter nor a hash of the values, so not guessable)."""
    return secrets.token_urlsafe(16)


def valid_id(value: Any) -> bool:
    """Whether a client-given id has the shape of one link_id() makes (cheap to refuse before the store)."""
    return isinstance(value, str) and LINK_ID.fullmatch(value) is not None


def snapshot(tree: "Tree", values: dict[Any, Any]) -> bytes:
    """The shown values and prop updates of a session's `values`, as JSON bytes."""
    shown: dict[str, Any] = {}
    for comp in tree.components():
        if not comp.server_only and comp.id in values:
            shown[str(comp.id)] = {"type": type(comp).__name__, "value": values[comp.id]}
    props = {str(key[1]): patch for key, patch in values.items()
             if isinstance(key, tuple) and key[0] == "props" and key[1] in tree.blocks_by_id}
    try:
        data = orjson.dumps({"values": shown, "props": props}, option=orjson.OPT_SERIALIZE_NUMPY)
    except TypeError as exc:
        raise LinkError(f"this page's values cannot be shared as a link ({exc}).") from None
    if len(data) > MAX_SNAPSHOT_BYTES:
        raise LinkError(f"this page's values are too large to share as a link ({len(data):,} bytes, over "
                        f"{MAX_SNAPSHOT_BYTES:,}).")
    return data


def restore(tree: "Tree", data: bytes) -> tuple[dict[Any, Any], dict[str, dict[str, Any]]]:
    """A snapshot back as (store values, page patches), for the components this tree still has: one
    that is gone, or is now of another type (the app changed since the link was made), is left out."""
    try:
        saved = orjson.loads(data)
    except orjson.JSONDecodeError:
        return {}, {}
    values: dict[Any, Any] = {}
    patches: dict[str, dict[str, Any]] = {}
    for key, entry in (saved.get("values") or {}).items():
        comp = tree.blocks_by_id.get(int(key)) if key.isdigit() else None
        if comp is None or getattr(comp, "server_only", True) or type(comp).__name__ != entry.get("type"):
            continue
        values[comp.id] = entry.get("value")
        patches[key] = {"value": values[comp.id]}
    _follow(tree, values)
    for key, patch in (saved.get("props") or {}).items():
        if key.isdigit() and int(key) in tree.blocks_by_id and isinstance(patch, dict):
            values[("props", int(key))] = patch
            patches.setdefault(key, {}).update(patch)
    return values, patches


def _follow(tree: "Tree", values: dict[Any, Any]) -> None:
    """States that mirror a restored component (State.deep_link_source) take its value, as a listener
    with that component as input would get it; one that cannot be made keeps its initial value."""
    for comp in tree.components():
        source = getattr(comp, "deep_link_source", None)
        if source is not None and source.id in values:
            try:
                values[comp.id] = source.preprocess(values[source.id])
            except Exception:  # noqa: BLE001 - a link still shows what it can
                continue
