"""Events/s of a server under N concurrent sessions, driven from separate client processes."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import orjson

from .procs import NO_CLIENT_LIMITS, PYTHON, Server, spawn, stop

WRK_SCRIPT = """wrk.method = "POST"
wrk.body = '{"data": ["hello"]}'
wrk.headers["Content-Type"] = "application/json"
"""


@dataclass
class Result:
    events_per_s: float
    server_cores: float  # server CPU seconds per second of the run (1.0 = one core busy)
    client_cores: float | None = None


def client_processes(sessions: int) -> int:
    return min(sessions, 2)


def python_clients(server: Server, kind: str, sessions: int, seconds: float) -> Result:
    """Run `sessions` sessions split over client processes; count completed events in `seconds`."""
    split = client_processes(sessions)
    shares = [sessions // split + (i < sessions % split) for i in range(split)]
    procs = [spawn([PYTHON, "-m", "benchmarks.load", kind, server.url, str(n)], stdin=subprocess.PIPE,
                   stdout=subprocess.PIPE, text=True) for n in shares]
    try:
        for proc in procs:
            line = proc.stdout.readline()
            if line.strip() != "ready":
                raise RuntimeError(f"load client failed before starting (exit {proc.wait()})")
        cpu, start = server.cpu_seconds(), time.perf_counter()
        for proc in procs:
            proc.stdin.write(f"go {seconds}\n")
            proc.stdin.flush()
        reports = [orjson.loads(proc.stdout.readline() or "null") for proc in procs]
        elapsed, server_cpu = time.perf_counter() - start, server.cpu_seconds() - cpu
        if any(r is None for r in reports):
            raise RuntimeError("a load client failed during the run")
    finally:
        for proc in procs:
            stop(proc)
    return Result(sum(r["events"] for r in reports) / seconds, server_cpu / elapsed,
                  sum(r["cpu"] for r in reports) / elapsed)


def wrk(server: Server, connections: int, seconds: float) -> Result:
    """POST /api/echo with wrk over `connections` keep-alive connections."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT)
        script.flush()
        threads = min(connections, 2)
        cpu, start = server.cpu_seconds(), time.perf_counter()
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "-s", script.name,
                   server.url + "api/echo"]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        elapsed, server_cpu = time.perf_counter() - start, server.cpu_seconds() - cpu
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"wrk saw errors:\n{out}")
    rate = float(re.search(r"Requests/sec:\s*([\d.]+)", out).group(1))
    return Result(rate, server_cpu / elapsed)


def http_client() -> str:
    return "wrk" if shutil.which("wrk") else "httpx"


def run_once(server: Server, kind: str, sessions: int, seconds: float) -> Result:
    if kind == "http" and http_client() == "wrk":
        return wrk(server, sessions, seconds)
    return python_clients(server, kind, sessions, seconds)


def measure(plan: dict[str, list[int]], kind: str, seconds: int, reps: int = 2,
            trees: dict[str, tuple[str, Path]] | None = None) -> dict[str, dict[int, Result]]:
    """Events/s of each app (name -> concurrency levels), servers side by side, runs interleaved.

    Each (app, level) runs `reps` times, alternating between apps so that a burst of background
    load hits both sides; the best run counts (noise only ever slows a run down). A name in
    `trees` is (app, checkout): that app run against another checkout's blocks (a baseline).
    """
    best: dict[str, dict[int, Result]] = {app: {} for app in plan}
    trees = trees or {}
    with contextlib.ExitStack() as stack:
        servers = {}
        for name in plan:
            app, tree = trees.get(name, (name, None))
            servers[name] = stack.enter_context(Server(app, NO_CLIENT_LIMITS, tree))
        for server in servers.values():
            server.wait_ready()
            run_once(server, kind, 10, 1)  # warm-up
        for n in sorted({n for levels in plan.values() for n in levels}):
            for _ in range(reps):
                for app, server in servers.items():
                    if n in plan[app]:
                        result = run_once(server, kind, n, seconds)
                        if n not in best[app] or result.events_per_s > best[app][n].events_per_s:
                            best[app][n] = result
    return best
