"""The frontend files and the page template: found, versioned, compressed once at startup."""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from ..paths import shipped_dir


@dataclass(frozen=True)
class Asset:
    """One file, ready to send."""

    body: bytes
    gzipped: bytes
    media_type: str
    etag: str


# Vendored libraries (three.js: megabytes) are gzipped when first asked for, not at every startup.
LAZY = "vendor/"


class Assets:
    """All frontend files in memory; the version is a hash of their contents."""

    def __init__(self, root: Path | None = None):
        self.root = root or shipped_dir("frontend")
        self.files: dict[str, Asset] = {}
        digest = hashlib.sha256()
        for path in sorted(self.root.rglob("*")):
            if not path.is_file() or path.suffix not in (".js", ".css", ".svg", ".woff2"):
                continue
            body = path.read_bytes()
            name = path.relative_to(self.root).as_posix()
            digest.update(name.encode() + b"\0" + body)
            media = "text/javascript" if path.suffix == ".js" else mimetypes.guess_type(name)[0] or ""
            media = f"{media}; charset=utf-8" if media.startswith("text/") else media or "application/octet-stream"
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            gzipped = b"" if name.startswith(LAZY) else gzip.compress(body, 9, mtime=0)
            self.files[name] = Asset(body, gzipped, media, etag)
        self.version = digest.hexdigest()[:12]

    def get(self, name: str) -> Asset | None:
        """A file by its path under frontend/."""
        asset = self.files.get(name)
        if asset is not None and not asset.gzipped and name.startswith(LAZY):
            asset = self.files[name] = Asset(asset.body, gzip.compress(asset.body, 6, mtime=0), asset.media_type,
                                             asset.etag)
        return asset
