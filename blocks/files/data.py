"""FileData, the one shape of a file in a payload (as gr.FileData), and gr.FileSize."""

from __future__ import annotations

import mimetypes
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BlocksError, InvalidValueError
from ..limits import short_repr

FILE_DATA_TYPE = "gradio.FileData"
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)?\s*$", re.IGNORECASE)


class FileSize:
    """Byte units for launch(max_file_size=5 * gr.FileSize.MB), as Gradio's."""

    B = 1
    KB = 1024
    MB = 1024 ** 2
    GB = 1024 ** 3
    TB = 1024 ** 4


def parse_size(size: Any, where: str = "launch(max_file_size=)") -> int | None:
    """Bytes from an int or a "5mb"-style string; None means no limit."""
    if size is None:
        return None
    if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
        return size
    match = _SIZE.match(size) if isinstance(size, str) else None
    if match is None:
        raise BlocksError(f"{where}: {size!r} is not a size; give bytes as an int, or a string such as '5mb', "
                          f"'200kb' or '1gb'.")
    return int(float(match.group(1)) * getattr(FileSize, (match.group(2) or "b").upper()))


@dataclass
class FileData:
    """A file as the page and callbacks exchange it: a server path, its URL, size, name and type."""

    path: str
    url: str | None = None
    size: int | None = None
    orig_name: str | None = None
    mime_type: str | None = None
    is_stream: bool = False
    meta: dict[str, Any] = field(default_factory=lambda: {"_type": FILE_DATA_TYPE})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: Any, where: str) -> "FileData":
        """A FileData from a page/API payload (a dict with 'path'), or InvalidValueError."""
        if isinstance(payload, FileData):
            return payload
        if not isinstance(payload, dict) or not isinstance(payload.get("path"), str):
            raise InvalidValueError(f"{where} expects a file {{'path': ..., 'url': ...}}, got {short_repr(payload)}.")
        known = {k: payload[k] for k in ("path", "url", "size", "orig_name", "mime_type", "is_stream")
                 if k in payload}
        if not all(isinstance(known.get(k), (str, type(None))) for k in ("url", "orig_name", "mime_type")) \
                or not isinstance(known.get("size"), (int, type(None))):
            raise InvalidValueError(f"{where}: malformed file {short_repr(payload)}.")
        return cls(**known)


def guess_type(name: str) -> str:
    """The content type of a file by its name (application/octet-stream when unknown)."""
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def display_name(path: str | Path) -> str:
    return Path(path).name
