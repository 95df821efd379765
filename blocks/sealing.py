"""BrowserState sealing: values are encrypted and authenticated (AES-GCM) before reaching the page.

The key never leaves the server: it is derived from `secret=` when given, else read from a
key file created on first use (so stored values survive restarts). The storage key is bound
into each blob as associated data, so a blob cannot be moved to another key or app.
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
import secrets
from pathlib import Path
from typing import Any

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import BlocksError

PREFIX = "v1."
NONCE_BYTES = 12
TAG_BYTES = 16  # AES-GCM's authentication tag
MAX_VALUE_BYTES = 256 * 1024  # localStorage is small, and every page load sends the blob back
# Every page load sends all of a page's blobs in one hello frame, which may be at most 1 MB; the
# rest of the frame fits in what is left. frontend/index.js keeps the same budget.
MAX_PAGE_BYTES = 900_000


def blob_bytes(plain_bytes: int) -> int:
    """The length of the blob that seals `plain_bytes` of JSON: prefix + base64(nonce, text, tag)."""
    return len(PREFIX) + 4 * math.ceil((NONCE_BYTES + plain_bytes + TAG_BYTES) / 3)


def sealed_bytes(value: Any) -> int:
    """The length of the blob that would seal `value` (0 for a value that is not JSON)."""
    try:
        return blob_bytes(len(orjson.dumps(value)))
    except TypeError:
        return 0


class SealError(ValueError):
    """A blob that is not ours: tampered, from another app or key, or corrupt."""


def key_file() -> Path:
    """Where the server-side key lives: $BLOCKS_KEY_FILE, else the user's data directory."""
    configured = os.environ.get("BLOCKS_KEY_FILE")
    if configured:
        return Path(configured)
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "blocks" / "browser-state.key"


def server_key() -> bytes:
    """The 32-byte server-side key, created (readable by this user only) on first use."""
    path = key_file()
    try:
        key = _read_or_create(path)
    except OSError as exc:
        raise BlocksError(f"Cannot read or create the BrowserState key file {path} ({exc}). Set BLOCKS_KEY_FILE "
                          f"to a writable path, or pass secret= to gr.BrowserState.") from None
    if len(key) != 32:
        raise BlocksError(f"The BrowserState key file {path} holds {len(key)} bytes, not 32: it is damaged. "
                          f"Delete it (values stored in browsers become unreadable) or point BLOCKS_KEY_FILE "
                          f"elsewhere.")
    return key


def _read_or_create(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    try:
        os.link(tmp, path)  # atomic, and refuses to overwrite a key another process just wrote
    except FileExistsError:
        key = path.read_bytes()
    finally:
        tmp.unlink(missing_ok=True)
    return key


class Sealer:
    """Seals and opens values for one storage key."""

    def __init__(self, storage_key: str, secret: str | None = None):
        material = hashlib.sha256(b"blocks browser state\0" + secret.encode()).digest() if secret else server_key()
        self._aead = AESGCM(material)
        self._aad = b"blocks.browser_state.v1\0" + storage_key.encode()

    def seal(self, value: Any) -> str:
        """Encrypt a JSON value into a string safe for localStorage."""
        plain = orjson.dumps(value)
        if len(plain) > MAX_VALUE_BYTES:
            raise ValueError(f"the value is {len(plain):,} bytes of JSON, over the {MAX_VALUE_BYTES:,}-byte limit "
                             f"of a BrowserState; keep large data on the server (gr.State)")
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plain, self._aad)
        return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()

    def open(self, blob: Any) -> Any:
        """The value inside `blob`; SealError if it was not sealed by us for this key."""
        if not isinstance(blob, str) or not blob.startswith(PREFIX) or len(blob) > 2 * MAX_VALUE_BYTES:
            raise SealError("not a blocks browser-state blob")
        try:
            raw = base64.urlsafe_b64decode(blob[len(PREFIX):])
            plain = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], self._aad)
            return orjson.loads(plain)
        except (ValueError, InvalidTag, orjson.JSONDecodeError) as exc:
            raise SealError("the stored value was altered or sealed with another key") from exc
