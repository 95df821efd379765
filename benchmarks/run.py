"""`make bench`: measure blocks against its budgets and baselines; print a Markdown table.

The table is also written to .bench/last.md. Every server runs in its own process on a free
port; all of them are stopped at the end, also when a measurement fails.
"""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys
import time
import traceback
from typing import Callable

from . import browser, memory, startup, throughput
from .procs import ROOT, Server, stop_all
from .table import Row, markdown

KB = 1024
LEVELS = [1, 10, 50]
SECONDS = 4.0  # per throughput measurement


def _attempt(name: str, fn: Callable, failures: list[str]):
    """Run one measurement; on failure note it and return None so the others still run."""
    started = time.perf_counter()
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - report and continue
        traceback.print_exc()
        failures.append(f"{name} failed: {type(exc).__name__}: {exc}".splitlines()[0])
        return None
    finally:
        print(f"[bench] {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def startup_rows(failures: list[str]) -> list[Row]:
    imp = _attempt("import time", startup.import_time, failures)
    cold = _attempt("cold start", lambda: (startup.cold_start("two_textboxes"), startup.cold_start("bare_fastapi")),
                    failures)
    return [
        Row("`import blocks` (minus bare interpreter start)", imp and imp[0] * 1000, "ms",
            budget="< 100 ms", check=lambda v, _: v < 100),
        Row("cold start to first 200, two-textbox app", cold and cold[0] * 1000, "ms",
            cold and cold[1] * 1000, "bare FastAPI app"),
    ]


def browser_rows(failures: list[str]) -> list[Row]:
    def measure():
        with Server("two_textboxes") as page_app, Server("counter") as counter:
            page_app.wait_ready()
            counter.wait_ready()
            return browser.run(page_app.url, counter.url)

    result = _attempt("Chromium page load and click latency", measure, failures)
    load, clicks = result if result else (None, None)
    p50 = clicks and browser.percentile(clicks, 50)
    p95 = clicks and browser.percentile(clicks, 95)
    return [
        Row("first page load: HTTP requests", load and load.requests, digits=0,
            budget="<= 6", check=lambda v, _: v <= 6),
        Row("first page load: bytes transferred", load and load.transferred / KB, "KB",
            budget="< 20 KB", check=lambda v, _: v < 20),
        Row("first page load: bytes decoded (HTML+JS+CSS)", load and load.decoded / KB, "KB",
            budget="< 60 KB", check=lambda v, _: v < 60),
        Row("first page load: time to interactive (`blocks:ready`), median of 5", load and load.tti_ms, "ms",
            budget="< 100 ms", check=lambda v, _: v < 100),
        Row(f"click-to-DOM latency p50 ({len(clicks) if clicks else 0} clicks)", p50, "ms", digits=2,
            budget="< 5 ms", check=lambda v, _: v < 5),
        Row("click-to-DOM latency p95", p95, "ms", digits=2, budget="< 10 ms", check=lambda v, _: v < 10),
    ]


def throughput_rows(failures: list[str], notes: list[str]) -> list[Row]:
    rows = []
    for kind, label, baseline_label in (("ws", "WebSocket events/s", "bare FastAPI /ws"),
                                        ("http", "HTTP POST /api/echo req/s", "bare FastAPI POST")):
        ours = _attempt(f"throughput {kind} blocks", lambda k=kind: throughput.measure("echo", k, LEVELS, SECONDS),
                        failures) or {}
        bare = _attempt(f"throughput {kind} bare", lambda k=kind: throughput.measure("bare_fastapi", k, LEVELS,
                                                                                      SECONDS), failures) or {}
        for n in LEVELS:
            a, b = ours.get(n), bare.get(n)
            budgeted = n == 50
            rows.append(Row(f"{label}, {n} concurrent session{'s' * (n > 1)}", a and a.events_per_s, "/s",
                            b and b.events_per_s, baseline_label, digits=0,
                            budget=">= 0.70x baseline" if budgeted else "—",
                            check=(lambda _, r: r is not None and r >= 0.7) if budgeted else None))
            if a and b:
                notes.append(f"{label} at {n}: server CPU {a.server_cores:.2f} cores (blocks) vs "
                             f"{b.server_cores:.2f} (bare), i.e. {a.server_cores / a.events_per_s * 1e6:.0f} vs "
                             f"{b.server_cores / b.events_per_s * 1e6:.0f} µs of server CPU per event"
                             + (f"; load-generator CPU {a.client_cores:.2f} vs {b.client_cores:.2f} cores"
                                if a.client_cores is not None else ""))
    return rows


def memory_rows(failures: list[str]) -> list[Row]:
    mem = _attempt("memory per session", memory.measure, failures)
    state = memory.STATE_BYTES / KB
    return [
        Row(f"server RSS per session holding 10 KB of State, sockets open ({mem.sessions if mem else 0} sessions)",
            mem and mem.open_per_session / KB, "KB", state, "the State's 10 KB", budget="< 1.5x",
            check=lambda _, r: r is not None and r < 1.5),
        Row("… same sessions after `bye` (state kept for the TTL)", mem and mem.closed_per_session / KB, "KB",
            state, "the State's 10 KB", budget="< 1.5x", check=lambda _, r: r is not None and r < 1.5),
    ]


def environment() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    chromium = subprocess.run([browser.CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return [
        f"Machine: {os.cpu_count()} cores ({cpu}), Linux {platform.release()}; server, load generators and "
        f"Chromium share these cores. Python {platform.python_version()}, {chromium or 'Chromium ?'}.",
        f"Throughput: {SECONDS:.0f} s per level after a warm-up, each server in its own process. WebSocket load: "
        f"the same Python client (websockets + uvloop, no compression) for both sides, sessions split over "
        f"{throughput.client_processes(50)} client processes; HTTP load: {throughput.http_client()} over keep-alive "
        f"connections, one per session. Baselines are measured in the same run.",
        "References, not measured here: `import gradio` 2.6 s; Gradio page 43 requests / 655 KB; click latency "
        "Gradio ~40 ms, NiceGUI ~15 ms; Gradio ~43 events/s at 50 sessions.",
    ]


def main() -> int:
    started = time.perf_counter()
    failures: list[str] = []
    notes: list[str] = []
    try:
        rows = startup_rows(failures) + browser_rows(failures) + throughput_rows(failures, notes) \
            + memory_rows(failures)
    finally:
        stop_all()
    notes = environment() + notes + failures
    notes.append(f"{datetime.datetime.now():%Y-%m-%d %H:%M}, whole run {time.perf_counter() - started:.0f} s.")
    table = markdown(rows, notes)
    out = ROOT / ".bench" / "last.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(table)
    print(table)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
