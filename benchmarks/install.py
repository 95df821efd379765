"""The core install's footprint: `pip install blocks` (the wheel, no extras) in a fresh venv.

Counts the installed distributions (pip itself excluded) and the size of site-packages; the
issue's budget is at most 30 distributions and 60 MB (Gradio: 52 / 324 MB).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from .procs import ROOT

MB = 1024 * 1024
NOT_COUNTED = {"pip", "setuptools", "wheel"}


def _size(folder: Path) -> int:
    """Bytes of the files under `folder`, bytecode caches left out (they depend on the Python that ran)."""
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink() and "__pycache__" not in p.parts)


def core_install() -> tuple[int, float]:
    """(distributions, MB of site-packages without pip) after installing the wheel in a new venv."""
    with tempfile.TemporaryDirectory() as scratch:
        where = Path(scratch)
        subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(where / "dist"), str(ROOT)],
                       check=True, capture_output=True)
        wheel = next((where / "dist").glob("blocks-*.whl"))
        venv.create(where / "env", with_pip=True)
        python = where / "env" / "bin" / "python"
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
        listed = json.loads(subprocess.run([str(python), "-m", "pip", "list", "--format=json"], check=True,
                                           capture_output=True, text=True).stdout)
        names = [d["name"] for d in listed if d["name"].lower() not in NOT_COUNTED]
        site = next((where / "env" / "lib").glob("python*/site-packages"))
        tools = ("pip", "setuptools", "pkg_resources", "_distutils")
        skipped = sum(_size(p) for p in site.iterdir() if p.name.lower().startswith(tools))
        return len(names), (_size(site) - skipped) / MB
