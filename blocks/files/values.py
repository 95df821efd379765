"""A file value in and out of a callback, shared by every file-carrying component.

Out (postprocess): a path, pathlib.Path, URL or FileData becomes a FileData payload whose file
is copied into the cache and whose URL is signed for the running session. In (preprocess): a
payload is accepted only if this session may read its file (access.py), and only of the
component's file_types.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from ..errors import InvalidValueError
from . import cache
from .access import FileRules, current_session, file_url, url_session
from .data import FileData, guess_type


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def to_payload(value: Any, rules: FileRules, where: str) -> dict[str, Any]:
    """One returned file as the page's FileData payload."""
    if isinstance(value, dict) and isinstance(value.get("path"), str):
        value = FileData.from_payload(value, where)
    if isinstance(value, FileData):
        if _is_url(value.path) or (value.url and _is_url(value.url)):
            return value.to_dict()
        name, value = value.orig_name, value.path
    else:
        name = None
    if isinstance(value, str) and _is_url(value):
        return FileData(path=value, url=value, orig_name=value.rsplit("/", 1)[-1].split("?")[0],
                        mime_type=guess_type(value.split("?")[0])).to_dict()
    if not isinstance(value, (str, Path)):
        raise InvalidValueError(f"{where} returned {type(value).__name__}; return a file path, a pathlib.Path, "
                                f"a URL, or a list of them.")
    source = rules.returnable(value, where)
    stored = cache.store_copy(source)
    session = current_session.get()
    if session is None:  # an app's own value (built from its code): every session may read it
        rules.app_files.add(stored)
    shown = name or source.name
    return FileData(path=str(stored), url=file_url(stored, session), size=stored.stat().st_size,
                    orig_name=shown, mime_type=guess_type(shown)).to_dict()


def matches_type(name: str, file_types: list[str] | None) -> bool:
    """Is a file of one of `file_types` ('.pdf', 'image', 'video', 'audio', 'text', 'file')?"""
    if not file_types:
        return True
    mime = mimetypes.guess_type(name)[0] or ""
    suffix = Path(name).suffix.lower()
    for given in file_types:
        kind = given.lower()
        if kind == "file" or (kind.startswith(".") and suffix == kind) or mime.startswith(f"{kind}/"):
            return True
    return False


def from_payload(payload: Any, rules: FileRules, where: str, file_types: list[str] | None = None) -> FileData:
    """A file the page or an API caller sent, checked: this session may read it, of an accepted type."""
    data = FileData.from_payload(payload, where)
    session, signature = url_session(data.url)
    running = current_session.get()
    signed_for = running if session == running else None
    if rules.readable(data.path, signed_for, signature, owner=running) is None:
        raise InvalidValueError(f"{where}: the file {data.path!r} is not one this session uploaded or was given; "
                                f"upload it first (POST /upload) and send the path it returned.")
    name = data.orig_name or Path(data.path).name
    if not matches_type(name, file_types):
        raise InvalidValueError(f"{where}: '{name}' is not an accepted file type; this component accepts "
                                f"{', '.join(file_types or [])}.")
    return data
