"""Import time of `blocks` and cold start of an app to its first 200."""

from __future__ import annotations

import statistics
import subprocess
import time

from .procs import PYTHON, ROOT, Server, environ, stop


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=environ(), check=True)
    return time.perf_counter() - start


def import_time(runs: int = 15) -> tuple[float, float]:
    """(median `import blocks` - median `pass`, median `pass`) in seconds; runs interleaved."""
    _wall("import blocks")  # warm the OS page cache and the .pyc files
    blocks, bare = [], []
    for _ in range(runs):
        blocks.append(_wall("import blocks"))
        bare.append(_wall("pass"))
    return statistics.median(blocks) - statistics.median(bare), statistics.median(bare)


def cold_start(app: str, runs: int = 5) -> float:
    """Median seconds from spawning `app` to its first 200 on GET /."""
    times = []
    for _ in range(runs):
        server = Server(app)
        try:
            times.append(server.wait_ready())
        finally:
            stop(server.proc)
    return statistics.median(times)
