"""Other Pythons for the tests: find an interpreter of a version, and a venv of it with this
checkout installed (slow the first time, cached across runs)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def find_python(version: str) -> str | None:
    """An interpreter for `version` ("3.12"): this one, pyenv's, or one on PATH."""
    if f"{sys.version_info.major}.{sys.version_info.minor}" == version:
        return sys.executable
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = sorted(pyenv.glob(f"{version}.*/bin/python"))
    return str(found[-1]) if found else shutil.which(f"python{version}")


def venv_with_blocks(python: str) -> str:
    """A venv of `python` with this checkout installed (editable), cached across runs in
    $BLOCKS_TEST_VENVS (default: the temp dir) and keyed by interpreter, checkout and pyproject."""
    key = hashlib.sha256(f"{python}\n{ROOT}\n{(ROOT / 'pyproject.toml').read_text()}".encode()).hexdigest()[:12]
    cache = Path(os.environ.get("BLOCKS_TEST_VENVS", Path(tempfile.gettempdir()) / "blocks-test-venvs"))
    where = cache / key
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another test run may be building the same venv
        if not (where / ".installed").exists():
            shutil.rmtree(where, ignore_errors=True)
            # Our pip installs into it: a distribution's Python may lack ensurepip.
            _run([python, "-m", "venv", "--without-pip", str(where)])
            _run([sys.executable, "-m", "pip", "--python", str(where / "bin" / "python"), "install", "-q",
                  "-e", str(ROOT)])
            (where / ".installed").touch()
    return str(where / "bin" / "python")


def _run(command: list[str]) -> None:
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode:
        raise AssertionError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
