"""Where the package's shipped files are: frontend/ and templates/."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """`frontend` or `templates`: inside the installed package, else beside it in a checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"blocks cannot find its '{name}' directory next to {_PACKAGE}; reinstall blocks.")
