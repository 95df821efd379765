"""Which files may be read: the serving rules, in one place for every file-carrying component.

A file in the cache is readable by a session that holds its signature (the app returned it to
that session, or the session uploaded it); files under `allowed_paths` or `gr.set_static_paths`
by anyone; nothing under `blocked_paths`; nothing else. Paths are resolved first, so `..` and
symlinks pointing out are judged by where they really lead.
"""

from __future__ import annotations

import contextvars
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from ..errors import BlocksError, InvalidValueError
from . import cache
from .data import parse_size

# The session whose listener is running (set by the dispatcher), for signing returned files.
current_session: contextvars.ContextVar[str | None] = contextvars.ContextVar("blocks_file_session", default=None)
_static_paths: list[Path] = []
SAMPLES = Path(__file__).resolve().parents[1] / "media_assets"  # blocks.media's samples (get_image() ...)


def set_static_paths(paths: str | Path | list[str | Path]) -> None:
    """gr.set_static_paths: files under these paths are served to anyone, without copying."""
    items = paths if isinstance(paths, list) else [paths]
    _static_paths[:] = [Path(p).resolve() for p in items]


def _resolve(paths: Any) -> list[Path]:
    """Paths from a path or a list of them; a nested list is flattened (audio_subtitle passes
    `allowed_paths=[MEDIA_PATHS]`, which Gradio accepts)."""
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths).resolve()]
    if paths is None or isinstance(paths, (list, tuple, set)):
        return [p for item in paths or [] for p in _resolve(item)]
    raise BlocksError(f"{paths!r} is not a path: allowed_paths= and blocked_paths= take a path (str or "
                      f"pathlib.Path) or a list of them.")


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


@dataclass
class FileRules:
    """launch(allowed_paths=, blocked_paths=, max_file_size=) as the server applies them."""

    allowed_paths: list[Path] = field(default_factory=list)
    blocked_paths: list[Path] = field(default_factory=list)
    max_file_size: int | None = None
    # Files in the app's own values (built from its code, so every worker has the same set).
    app_files: set[Path] = field(default_factory=set)

    def configure(self, allowed: Any = None, blocked: Any = None, max_size: Any = None) -> None:
        """Apply launch(allowed_paths=, blocked_paths=, max_file_size=)."""
        self.allowed_paths, self.blocked_paths = _resolve(allowed), _resolve(blocked)
        self.max_file_size = parse_size(max_size)

    def blocked(self, path: Path) -> bool:
        return _under(path, self.blocked_paths)

    def public(self, path: Path) -> bool:
        """Readable by anyone: under allowed_paths or static paths, and not blocked."""
        return not self.blocked(path) and _under(path, self.allowed_paths + _static_paths)

    def readable(self, given: str, session: str | None, signature: str | None,
                 owner: str | None = None) -> Path | None:
        """The file `given` names if this request may read it, else None. `owner` is the session whose
        listener is running (never taken from a request: a session_hash is no password)."""
        try:
            path = Path(given).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):
            return None
        if not path.is_file() or self.blocked(path):
            return None
        if self.public(path) or path in self.app_files:
            return path
        if owner and _under(path, [cache.session_dir(owner)]):
            return path  # the running session's own upload, sent back by path alone (as an API caller does)
        in_cache = _under(path, [cache.cache_dir()])
        return path if in_cache and cache.verify(session, given, signature) else None

    def returnable(self, value: str | Path, where: str) -> Path:
        """A file the app returned, checked: under the working directory, the temp directory or
        allowed_paths, never blocked_paths; it is then copied into the cache."""
        path = Path(value).resolve()
        roots = [Path.cwd().resolve(), cache.temp_root().resolve(), cache.cache_dir(), SAMPLES,
                 *self.allowed_paths, *_static_paths]
        if self.blocked(path) or not _under(path, roots):
            raise InvalidValueError(f"{where} returned {str(value)!r}, which is outside the working directory and "
                                    f"the temp directory, or under blocked_paths; add its folder to "
                                    f"launch(allowed_paths=[...]) to serve it.")
        if not path.is_file():
            raise InvalidValueError(f"{where} returned {str(value)!r}, which is not a file.")
        return path


def file_url(path: Path | str, session: str | None) -> str:
    """The URL (relative to the app's root) a session reads a file at."""
    text = str(path)
    query = f"?session_hash={quote(session)}&sig={cache.sign(session, text)}" if session else ""
    return f"file={quote(text)}{query}"


def url_session(url: str | None) -> tuple[str | None, str | None]:
    """(session_hash, sig) from a file URL the server issued."""
    if not url or "?" not in url:
        return None, None
    query = parse_qs(url.split("?", 1)[1])
    session, signature = query.get("session_hash"), query.get("sig")
    return (session[0] if session else None), (signature[0] if signature else None)
