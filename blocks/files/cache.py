"""The file cache: one directory (GRADIO_TEMP_DIR, else <tmp>/blocks) shared by every worker.

Files sit in content-addressed subdirectories `<sha256>/<name>` (uploads under
`uploads/<session digest>/<sha256>/<name>`); what may be read is decided from the path and a
signature (access.py), so nothing about a file lives only in one process's memory.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path

SECRET_FILE = ".secret"
CHUNK = 1 << 16


# tempfile and shutil load on first use, not with `import blocks` (tests/unit/test_imports.py).
def temp_root() -> Path:
    """The system's temporary directory (tempfile.gettempdir())."""
    import tempfile  # noqa: PLC0415

    return Path(tempfile.gettempdir())


def _partial_file() -> tuple[int, str]:
    import tempfile  # noqa: PLC0415

    return tempfile.mkstemp(dir=cache_dir(), prefix=".part-")


def cache_dir() -> Path:
    """The cache directory, created on first use."""
    root = Path(os.environ.get("GRADIO_TEMP_DIR") or temp_root() / "blocks").resolve()
    root.mkdir(parents=True, exist_ok=True)
    return root


_keys: dict[Path, bytes] = {}  # a copy of each cache's key file, read once


def secret() -> bytes:
    """The key signing file URLs, kept in the cache (mode 0600) so that every worker shares it."""
    path = cache_dir() / SECRET_FILE
    if path in _keys and path.exists():
        return _keys[path]
    _keys[path] = _read_or_create(path)
    return _keys[path]


def _read_or_create(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes()
    with os.fdopen(fd, "wb") as out:
        out.write(secrets.token_bytes(32))
    return path.read_bytes()


def sign(session: str, path: str) -> str:
    """The signature letting `session` read `path` (HMAC-SHA256, hex, 32 characters)."""
    return hmac.new(secret(), f"{session}\n{path}".encode(), hashlib.sha256).hexdigest()[:32]


def verify(session: str | None, path: str, signature: str | None) -> bool:
    if not session or not signature:
        return False
    return hmac.compare_digest(sign(session, path), signature)


def session_dir(session: str) -> Path:
    """Where a session's uploads go (named by a digest, so the directory does not reveal the id)."""
    return cache_dir() / "uploads" / hashlib.sha256(session.encode()).hexdigest()[:32]


def _safe_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name.strip() or "file"
    return base if base not in (".", "..") else "file"


def place(temp: Path, digest: str, name: str, under: Path | None = None) -> Path:
    """Move a finished temporary file to `<under or cache>/<digest>/<name>` (kept if already there)."""
    target_dir = (under or cache_dir()) / digest
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / _safe_name(name)
    if target.exists():
        temp.unlink(missing_ok=True)
    else:
        os.replace(temp, target)
    return target


def store_copy(source: Path) -> Path:
    """A copy of a file the app returned, in the cache (content-addressed)."""
    digest = hashlib.sha256()
    with source.open("rb") as src:
        for chunk in iter(lambda: src.read(CHUNK), b""):
            digest.update(chunk)
    existing = cache_dir() / digest.hexdigest() / _safe_name(source.name)
    if existing.exists():
        return existing
    import shutil  # noqa: PLC0415

    fd, temp = _partial_file()
    os.close(fd)
    shutil.copyfile(source, temp)
    return place(Path(temp), digest.hexdigest(), source.name)


def store_bytes(data: bytes, name: str) -> Path:
    fd, temp = _partial_file()
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return place(Path(temp), hashlib.sha256(data).hexdigest(), name)


def remove_session(session: str) -> None:
    """A session's uploads go when its state does."""
    import shutil  # noqa: PLC0415

    shutil.rmtree(session_dir(session), ignore_errors=True)


def sweep(age: float, now: float | None = None) -> int:
    """Delete cached files older than `age` seconds (Blocks(delete_cache=)); returns how many."""
    cutoff = (now if now is not None else time.time()) - age
    removed = 0
    root = cache_dir()
    for path in root.rglob("*"):
        if path.is_file() and path.name != SECRET_FILE and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    for path in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        try:
            path.rmdir()  # only empty ones
        except OSError:
            pass
    return removed
