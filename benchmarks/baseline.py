"""The checkout `make bench` compares this tree against: a git worktree of an earlier commit.

BENCH_BASELINE names a git revision, by default the commit before Gradio's queue landed (the
foundation's event path); `BENCH_BASELINE=none` skips the comparison. The worktree is made
once under the temporary directory (/tmp/blocks-baseline-<commit>) and reused; it is no part
of this repository's history. The apps of this tree's benchmarks/apps import its `blocks`
(procs.Server(tree=...)), so both sides run the same app code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .procs import ROOT

DEFAULT = "3311c1d^"  # 3311c1d: "Gradio's queue: per-listener concurrency limits ..."


@dataclass
class Baseline:
    """A checkout to compare against, or why there is none."""

    tree: Path | None
    label: str  # the commit, or the reason it is skipped


def _git(*args: str, cwd: Path = ROOT) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout.strip()


def checkout() -> Baseline:
    """The baseline's worktree, made if missing; Baseline(None, reason) when it cannot be had."""
    rev = os.environ.get("BENCH_BASELINE", DEFAULT).strip()
    if rev.lower() in ("", "none", "off", "0"):
        return Baseline(None, "skipped (BENCH_BASELINE=none)")
    if shutil.which("git") is None:
        return Baseline(None, "skipped: git is not installed")
    try:
        sha = _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except RuntimeError:
        return Baseline(None, f"skipped: git revision {rev!r} not found in {ROOT} (set BENCH_BASELINE)")
    tree = Path(tempfile.gettempdir()) / f"blocks-baseline-{sha[:12]}"
    try:
        if not (tree / "blocks" / "__init__.py").exists():
            _git("worktree", "prune")  # forget a worktree whose folder was deleted
            _git("worktree", "add", "--detach", str(tree), sha)
        elif _git("rev-parse", "HEAD", cwd=tree) != sha:
            return Baseline(None, f"skipped: {tree} holds another commit; delete it to have it made again")
    except RuntimeError as exc:
        return Baseline(None, f"skipped: no worktree of {rev} at {tree} ({exc})")
    return Baseline(tree, sha[:7])
