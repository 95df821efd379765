"""Where session values live. The rest of blocks talks to a SessionStore, never to its storage."""

from .base import SessionStore
from .memory import MemoryStore

__all__ = ["MemoryStore", "SessionStore"]
