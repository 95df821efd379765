"""Server subprocesses: free ports, spawn, wait for the first 200, RSS and CPU time, cleanup."""

from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = Path(__file__).resolve().parent / "apps"
PYTHON = sys.executable
_started: list[subprocess.Popen] = []
_CLK_TCK = os.sysconf("SC_CLK_TCK")
# Every benchmark client comes from 127.0.0.1: per-client limits would refuse most of them.
NO_CLIENT_LIMITS = {"BLOCKS_MAX_SOCKETS_PER_CLIENT": "0", "BLOCKS_MAX_SESSIONS_PER_MINUTE": "0"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environ(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment for a measured process, with bytecode caching on: a machine may
    set PYTHONDONTWRITEBYTECODE, and then every start would compile blocks' sources again, which
    an installed package (its .pyc written by pip) never does."""
    env = {**os.environ, **(extra or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def spawn(args: list[str], env: dict[str, str] | None = None, **kwargs) -> subprocess.Popen:
    """Start a process we own; stop_all() ends it even if the benchmark fails."""
    proc = subprocess.Popen(args, cwd=ROOT, env=environ(env), **kwargs)
    _started.append(proc)
    return proc


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    if proc in _started:
        _started.remove(proc)


def stop_all() -> None:
    for proc in list(_started):
        stop(proc)


atexit.register(stop_all)


def get_status(url: str, timeout: float = 1.0) -> int | None:
    """The status of GET url, None when nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


class Server:
    """A benchmark app in its own process on a free port."""

    def __init__(self, app: str, env: dict[str, str] | None = None, tree: Path | None = None,
                 python: str | None = None):
        """`app` is a script of benchmarks/apps; `tree` another checkout whose `blocks` it imports
        (first on PYTHONPATH, ahead of this one's editable install), e.g. a baseline's worktree;
        `python` another interpreter (one with Gradio, for a side-by-side row)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = tempfile.TemporaryFile()
        env = {"GRADIO_SERVER_PORT": str(self.port), **(env or {})}
        if tree is not None:
            env["PYTHONPATH"] = os.pathsep.join([str(tree), *filter(None, [os.environ.get("PYTHONPATH")])])
        self.proc = spawn([python or PYTHON, str(APPS / f"{app}.py")], env, stdout=subprocess.DEVNULL, stderr=self.log)
        self.started = time.perf_counter()

    def wait_ready(self, timeout: float = 30.0, every: float = 0.002) -> float:
        """Seconds from spawn to the first 200 on GET /."""
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if get_status(self.url) == 200:
                return time.perf_counter() - self.started
            if self.proc.poll() is not None:
                break
            time.sleep(every)
        self.log.seek(0)
        raise RuntimeError(f"{self.proc.args} did not answer 200 on {self.url}:\n{self.log.read().decode()[-3000:]}")

    def rss(self) -> int:
        """Resident memory in bytes (VmRSS of /proc/<pid>/status)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS")

    def cpu_seconds(self) -> float:
        """User + system CPU time the server used so far (all its threads)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLK_TCK

    def collect_garbage(self, settle: float = 1.0) -> None:
        """Ask the app to gc.collect() (apps that install a SIGUSR1 handler), then let it settle."""
        self.proc.send_signal(signal.SIGUSR1)
        time.sleep(settle)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        stop(self.proc)
        self.log.close()
