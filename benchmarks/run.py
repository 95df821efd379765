"""`make bench`: measure blocks against its budgets and baselines; print a Markdown table.

The table is also written to .bench/last.md. Every server runs in its own process on a free
port; all of them are stopped at the end, also when a measurement fails.
"""

from __future__ import annotations

import datetime
import os
import platform
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from . import baseline, browser, install, latency, memory, startup, throughput
from .procs import NO_CLIENT_LIMITS, ROOT, Server, stop_all
from .table import Row, markdown

KB = 1024
LEVELS = [1, 10, 50]
SECONDS = 3  # per throughput run; each (app, level) runs twice, interleaved, best kept
BARE = "bare_fastapi"
LATENCY_SECONDS = 3  # per phase of the latency client (idle, 5 MB State, slow calls)


def _attempt(name: str, fn: Callable[[], Any], failures: list[str]) -> Any:
    """Run one measurement; on failure note it and return None so the others still run."""
    started = time.perf_counter()
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - report and continue
        traceback.print_exc()
        failures.append(f"FAILED {name}: {type(exc).__name__}: {exc}".splitlines()[0])
        return None
    finally:
        print(f"[bench] {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def startup_rows(failures: list[str]) -> list[Row]:
    imp = _attempt("import time", startup.import_time, failures)
    core = _attempt("core install in a fresh venv", install.core_install, failures)
    cold = _attempt("cold start", lambda: (startup.cold_start("two_textboxes"), startup.cold_start(BARE)), failures)
    return [
        Row("`import blocks`, median of 15, minus `python -c pass`", imp and imp[0] * 1000, "ms",
            budget="< 100 ms", check=lambda v, _: v < 100),
        Row("core install (`pip install blocks`, no extras): distributions, pip/setuptools not counted",
            core and core[0], digits=0, budget="<= 30 (Gradio 52)", check=lambda v, _: v <= 30),
        Row("core install: size of site-packages without pip/setuptools and bytecode caches",
            core and core[1], "MB", budget="<= 60 MB (Gradio 324)", check=lambda v, _: v <= 60),
        Row("cold start: spawn to first 200 on GET /, two-textbox app, median of 5", cold and cold[0] * 1000, "ms",
            cold and cold[1] * 1000, "bare FastAPI app"),
    ]


def browser_rows(failures: list[str]) -> list[Row]:
    def measure() -> browser.BrowserResult:
        with Server("two_textboxes") as page_app, Server(BARE) as bare, Server("counter") as counter, \
                Server("largest_demo") as largest:
            for server in (page_app, bare, counter, largest):
                server.wait_ready()
            return browser.run({"blocks": page_app.url, "bare": bare.url, "largest": largest.url}, counter.url,
                               bare.url)

    result = _attempt("Chromium: page load and click latency", measure, failures)
    loads, clicks = (result.loads, result.clicks) if result else ({}, [])
    real = result.real_clicks if result else {}
    ours, floor = real.get("blocks"), real.get("bare")
    load, bare, largest = loads.get("blocks"), loads.get("bare"), loads.get("largest")
    return [
        Row(f"first page load: HTTP requests (+{load.websockets if load else '?'} WebSocket)", load and load.requests,
            digits=0,
            budget="<= 6", check=lambda v, _: v <= 6),
        Row("first page load: bytes transferred (encoded, with headers)", load and load.transferred / KB, "KB",
            budget="< 20 KB", check=lambda v, _: v < 20),
        Row("first page load: bytes decoded (HTML+JS+CSS bodies)", load and load.decoded / KB, "KB",
            budget="< 60 KB", check=lambda v, _: v < 60),
        Row("first page load: navigation start to `blocks:ready`, median of 9", load and load.tti_ms, "ms",
            bare and bare.tti_ms, "bare page: inline script, same WebSocket hello", budget="<= 1.15x bare",
            check=lambda v, ratio: ratio is not None and ratio <= 1.15),
        Row("largest demo page (tabs_and_accordions): HTTP requests", largest and largest.requests, digits=0,
            budget="<= 10", check=lambda v, _: v <= 10),
        Row("largest demo page: bytes transferred", largest and largest.transferred / KB, "KB",
            budget="< 30 KB", check=lambda v, _: v < 30),
        Row("largest demo page: bytes decoded", largest and largest.decoded / KB, "KB",
            budget="< 90 KB", check=lambda v, _: v < 90),
        Row(f"click-to-DOM latency p50 ({len(clicks)} clicks, counter app)",
            clicks and browser.percentile(clicks, 50), "ms", digits=2, budget="< 5 ms", check=lambda v, _: v < 5),
        Row("click-to-DOM latency p95", clicks and browser.percentile(clicks, 95), "ms", digits=2,
            budget="< 10 ms", check=lambda v, _: v < 10),
        Row(f"real click (Playwright mouse) to DOM p50 ({len(ours or [])} clicks, counter app)",
            ours and browser.percentile(ours, 50), "ms", floor and browser.percentile(floor, 50),
            "bare page: same +1 over a WebSocket", digits=2, budget="<= 1.15x bare",
            check=lambda v, ratio: ratio is not None and ratio <= 1.15),
        Row("real click to DOM p95", ours and browser.percentile(ours, 95), "ms",
            floor and browser.percentile(floor, 95), "bare page", digits=2, budget="<= 1.15x bare + 2 ms",
            check=lambda v, ratio: floor is not None and v <= 1.15 * browser.percentile(floor, 95) + 2),
    ]


def image_chat_rows(failures: list[str]) -> list[Row]:
    """The page of an Image + Chatbot app (benchmarks/apps/image_chat.py), beside the same app on
    Gradio when BENCH_GRADIO_PYTHON names a Python that has it (never a project dependency)."""
    gradio_python = os.environ.get("BENCH_GRADIO_PYTHON")

    def measure() -> dict[str, browser.PageLoad]:
        servers = {"blocks": Server("image_chat")}
        if gradio_python:
            servers["gradio"] = Server("image_chat", {"BENCH_FRAMEWORK": "gradio", "GRADIO_ANALYTICS_ENABLED": "False"},
                                       python=gradio_python)
        try:
            for server in servers.values():
                server.wait_ready(timeout=60)
            return browser.page_weights({name: server.url for name, server in servers.items()})
        finally:
            for server in servers.values():
                server.__exit__()

    loads = _attempt("Chromium: Image + Chatbot page" + (" (and Gradio's)" if gradio_python else ""), measure,
                     failures) or {}
    ours, theirs = loads.get("blocks"), loads.get("gradio")
    other = "Gradio" if gradio_python else "Gradio: set BENCH_GRADIO_PYTHON"
    return [
        Row("Image + Chatbot page, loaded until the network is quiet: HTTP requests", ours and ours.requests, digits=0,
            baseline=theirs and theirs.requests, baseline_name=other),
        Row("Image + Chatbot page: bytes transferred", ours and ours.transferred / KB, "KB",
            theirs and theirs.transferred / KB, other),
        Row("Image + Chatbot page: bytes decoded", ours and ours.decoded / KB, "KB", theirs and theirs.decoded / KB,
            other),
    ]


def throughput_rows(failures: list[str], base: baseline.Baseline) -> list[Row]:
    """Each blocks listener against the bare FastAPI endpoint doing the same: a sync function in a
    worker thread (as FastAPI runs `def` endpoints), and an `async def` function on the loop; over
    WebSocket also against the baseline commit, side by side in the same runs."""
    rows = []
    threaded = BARE + "_threaded"
    plan = {"echo": LEVELS, threaded: LEVELS, "echo_async": LEVELS, BARE: LEVELS}
    pairs = (("echo", threaded, "sync listener", "FastAPI, sync fn in its thread pool"),
             ("echo_async", BARE, "`async def` listener", "FastAPI, async fn inline"))
    trees = {f"{app}@baseline": (app, base.tree) for app in ("echo", "echo_async") if base.tree is not None}
    for kind, label, where in (("ws", "WebSocket events/s", "/ws"), ("http", "`POST /api/echo` requests/s", "POST")):
        runs = {**plan, **dict.fromkeys(trees, LEVELS)} if kind == "ws" else plan
        found = _attempt(f"throughput over {kind}", lambda k=kind, r=runs: throughput.measure(r, k, SECONDS,
                                                                                               trees=trees),
                         failures) or {}
        for app, bare_app, listener, bare_label in pairs:
            ours, bare = found.get(app, {}), found.get(bare_app, {})
            for n in LEVELS:
                a, b = ours.get(n), bare.get(n)
                rows.append(Row(f"{label}, {listener}, {n} session{'s' * (n > 1)}", a and a.events_per_s, "/s",
                                b and b.events_per_s, f"bare {bare_label} {where}", digits=0,
                                budget=">= 0.70x" if n == 50 else "—",
                                check=(lambda _, r: r is not None and r >= 0.7) if n == 50 else None))
            a, b = ours.get(50), bare.get(50)
            rows.append(Row(f"… server CPU per event at 50 sessions, {listener}",
                            a and a.server_cores / a.events_per_s * 1e6, "µs",
                            b and b.server_cores / b.events_per_s * 1e6, f"bare {bare_label}", digits=0))
        if kind == "ws":
            rows += baseline_rows(found, base)
    return rows


def baseline_rows(found: dict[str, dict[int, throughput.Result]], base: baseline.Baseline) -> list[Row]:
    """Events/s of this tree against the baseline commit's, both with Gradio's default limit of 1."""
    if base.tree is None:
        return [Row(f"WebSocket events/s against the baseline commit: {base.label}", None)]
    rows = []
    for app, listener in (("echo", "sync listener"), ("echo_async", "`async def` listener")):
        ours, theirs = found.get(app, {}), found.get(f"{app}@baseline", {})
        for n in LEVELS:
            a, b = ours.get(n), theirs.get(n)
            rows.append(Row(f"WebSocket events/s, {listener} (concurrency_limit 1), {n} session{'s' * (n > 1)}, "
                            f"against the baseline", a and a.events_per_s, "/s", b and b.events_per_s,
                            f"blocks at {base.label}", digits=0, budget=">= 0.90x",
                            check=lambda _, r: r is not None and r >= 0.9))
    return rows


def latency_rows(failures: list[str], base: baseline.Baseline) -> list[Row]:
    """Echo latency of one session while other sessions keep the server busy (latency.py)."""
    trees = {"blocks": None, **({"baseline": base.tree} if base.tree is not None else {})}
    found: dict[str, latency.Latencies] = {}
    for name, tree in trees.items():
        def measure(tree: Any = tree) -> latency.Latencies:
            with Server("echo_contention", NO_CLIENT_LIMITS, tree) as server:
                server.wait_ready()
                return latency.measure(server.url, LATENCY_SECONDS)

        found[name] = _attempt(f"echo latency under load ({name})", measure, failures)
    ours, theirs = found.get("blocks"), found.get("baseline")
    where = f"blocks at {base.label}" if base.tree is not None else ""
    phases = (("idle", "nothing else running"),
              ("state", "another session's listener over a 5 MB gr.State runs back to back"),
              ("slow", f"{latency.SLOW_CALLS} `POST /api/slow` calls run (time.sleep(2), no concurrency limit)"))
    rows = []
    for phase, during in phases:
        for p in (50, 95):
            a = ours and browser.percentile(getattr(ours, phase), p)
            b = theirs and browser.percentile(getattr(theirs, phase), p)
            samples = len(getattr(ours, phase)) if ours else 0
            rows.append(Row(f"echo latency p{p} from a second session ({samples} clicks), {during}" if p == 50
                            else f"… p{p}", a, "ms", b, where, digits=1))
    a = ours and browser.percentile(ours.state_events, 50)
    b = theirs and browser.percentile(theirs.state_events, 50)
    rows.append(Row("… the 5 MB State event itself (deep copy, append, deep comparison, commit), p50", a, "ms", b,
                    where, digits=0))
    return rows


def memory_rows(failures: list[str]) -> list[Row]:
    kept = _attempt("memory per kept session", memory.measure_kept, failures)
    mem = _attempt("memory per open page", memory.measure, failures)
    state = memory.STATE_BYTES / KB
    return [
        Row("server RSS per session holding 10 KB of State (2,000 sessions kept in the store, no socket)",
            kept and kept / KB, "KB", state, "the 10 KB State", budget="< 1.5x",
            check=lambda _, r: r is not None and r < 1.5),
        Row(f"… per open page: session + its WebSocket ({mem.sessions if mem else 0} pages; uvicorn's own "
            f"connection objects are ~19 KB of it: a bare ASGI app on uvicorn holding 10 KB measures 29 KB)",
            mem and mem.open_per_session / KB, "KB", state, "the 10 KB State"),
    ]


def load_average() -> str:
    return open("/proc/loadavg").read().split()[0]


def environment(load_before: str, base: baseline.Baseline) -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               "?")
    version = subprocess.run([browser.CHROMIUM, "--version"], capture_output=True, text=True, check=False)
    chromium = version.stdout.strip()
    return [
        f"Machine: **{os.cpu_count()} cores** ({cpu}), Linux {platform.release()}; servers, load generators and "
        f"Chromium share them. Load average {load_before} before the run, {load_average()} after (other work on "
        f"the machine makes every timing noisier). Python {platform.python_version()}, {chromium or 'Chromium ?'}.",
        f"Throughput: servers side by side, each in its own process; {SECONDS} s runs after a warm-up, each "
        f"(app, level) twice, alternating apps, best run kept. WebSocket: the same Python client (websockets, "
        f"uvloop, no compression) drives both sides from {throughput.client_processes(50)} processes; HTTP: "
        f"{throughput.http_client()}, one keep-alive connection per session"
        + (" (httpx is slower than both servers: `apt-get install wrk` for real HTTP numbers)"
           if throughput.http_client() == "httpx" else "") + ". Server CPU from /proc/<pid>/stat.",
        (f"Baseline: blocks at {base.label} (BENCH_BASELINE={os.environ.get('BENCH_BASELINE', baseline.DEFAULT)}; "
         f"the default {baseline.DEFAULT} is the foundation's event path, before Gradio's queue), a git worktree at "
         f"{base.tree}; this tree's benchmarks/apps import it, its servers run side by side with this tree's in the "
         f"same WebSocket runs." if base.tree is not None
         else f"Baseline: {base.label}."),
        f"Latency (apps/echo_contention.py): one page session clicks Echo (Gradio's default concurrency_limit of "
        f"1), one click at a time, {latency.PAUSE * 1000:.0f} ms apart, for {LATENCY_SECONDS} s per phase, timed "
        f"from the click frame sent to its done frame: idle; while a second session fires a listener over a 5 MB "
        f"gr.State (a dict of ~22,000 documents, one more log entry per call) back to back; while "
        f"{latency.SLOW_CALLS} callers keep one `POST /api/slow` each in flight (started staggered over the 2 s "
        f"it sleeps). The server's {latency.SLOW_CALLS} worker threads are then all asleep in time.sleep: a "
        f"sync echo waits for one of them to return (Gradio's max_threads=40 too).",
        "Memory: RSS (VmRSS) of the server after gc.collect() and a 1 s pause, 30 warm-up sessions first. Kept "
        "sessions: POST /api/lambda with keep_session, in a fresh server. Open pages: each says hello, gets its "
        "page load and runs one click, socket left open.",
        "References, not measured here: `import gradio` 2.6 s; Gradio page 43 requests / 655 KB, NiceGUI 401 KB; "
        "click latency Gradio ~40 ms, NiceGUI ~15 ms; ~43 events/s for Gradio at 50 sessions.",
    ]


def _terminated(signum: int, frame: Any) -> None:
    raise SystemExit(f"benchmarks stopped by signal {signum}")  # unwinds through stop_all()


def main() -> int:
    signal.signal(signal.SIGTERM, _terminated)
    started = time.perf_counter()
    load_before = load_average()
    failures: list[str] = []
    base = baseline.checkout()
    try:
        rows = (startup_rows(failures) + browser_rows(failures) + image_chat_rows(failures)
                + throughput_rows(failures, base)
                + latency_rows(failures, base) + memory_rows(failures))
    finally:
        stop_all()
    notes = environment(load_before, base) + failures
    notes.append(f"{datetime.datetime.now():%Y-%m-%d %H:%M}, whole run {time.perf_counter() - started:.0f} s.")
    table = markdown(rows, notes)
    out = ROOT / ".bench" / "last.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(table)
    print(table)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
