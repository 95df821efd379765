"""Chromium (Playwright): first page load (requests, bytes, time to interactive) and click latency."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
# performance.now() counts from navigation start.
READY_HOOK = "document.addEventListener('blocks:ready', () => { window.__blocksReady = performance.now(); });"

CLICKS_JS = """async ({clicks, warmup}) => {
  await window.blocks.ready;
  const components = Object.entries(window.blocks.config.components);
  const buttonId = components.find(([, c]) => c.renderer === "button")[0];
  const numberId = components.find(([, c]) => c.renderer === "number")[0];
  const button = document.getElementById(`component-${buttonId}`);
  const input = document.getElementById(`blocks-input-${numberId}`);
  const samples = [];
  for (let i = 0; i < warmup + clicks; i++) {
    const expected = String(Number(input.value) + 1);
    // blocks:update is dispatched right after an update is applied to the DOM.
    const shown = new Promise((resolve) => {
      const seen = () => {
        if (input.value !== expected) return;
        document.removeEventListener("blocks:update", seen);
        resolve(performance.now());
      };
      document.addEventListener("blocks:update", seen);
    });
    const start = performance.now();
    button.click();
    const end = await shown;
    if (i >= warmup) samples.push(end - start);
  }
  return samples;
}"""


# Real clicks: Playwright's mouse (CDP input events, as a user's). Chromium delivers the click
# with the next frame and the reply's DOM change shows at the frame after it, so the floor is
# about a frame or two; the bare page (apps/bare_fastapi.py) measures that floor beside blocks.
# From the click event's timeStamp (when Chromium took the input) to the count input's new value
# (blocks:update, dispatched right after an update reaches the DOM, by both pages).
REAL_CLICK_HOOK = """
window.__clickSamples = [];
document.addEventListener("click", (e) => { if (e.target.closest("button")) window.__clickAt = e.timeStamp; }, true);
document.addEventListener("blocks:update", () => {
  const input = document.querySelector("input[type=number]");
  if (window.__clickAt === undefined || !input || input.value === window.__shown) return;
  window.__shown = input.value;
  window.__clickSamples.push(performance.now() - window.__clickAt);
  window.__clickAt = undefined;
});
"""


@dataclass
class PageLoad:
    requests: int
    transferred: int  # bytes over the wire, headers included (CDP encodedDataLength)
    decoded: int  # bytes of the decoded bodies (HTML + JS + CSS)
    tti_ms: float  # navigation start -> blocks:ready (median)
    websockets: int
    urls: list[str]


def launch(pw: Any) -> Browser:
    return pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


def _load_once(browser: Browser, url: str, until_idle: bool = False) -> PageLoad:
    """One cold load. `until_idle`: wait for the network to go quiet instead of `blocks:ready`
    (a page of any framework, Gradio's too; its tti_ms is then the time to that quiet)."""
    context = browser.new_context()  # a fresh profile: nothing cached
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        requests: dict[str, dict[str, Any]] = {}
        sockets = []
        cdp.on("Network.requestWillBeSent", lambda e: requests.setdefault(
            e["requestId"], {"url": e["request"]["url"], "decoded": 0, "encoded": None}))
        cdp.on("Network.dataReceived", lambda e: requests.get(e["requestId"], {}).__setitem__(
            "decoded", requests.get(e["requestId"], {}).get("decoded", 0) + e["dataLength"]))
        cdp.on("Network.loadingFinished", lambda e: requests.get(e["requestId"], {}).__setitem__(
            "encoded", e["encodedDataLength"]))
        cdp.on("Network.webSocketCreated", lambda e: sockets.append(e["url"]))
        cdp.send("Network.enable")
        if until_idle:
            page.goto(url, wait_until="networkidle", timeout=30_000)
            tti = page.evaluate("performance.now()")
        else:
            page.add_init_script(READY_HOOK)
            page.goto(url)
            page.wait_for_function("window.__blocksReady !== undefined", timeout=10_000)
            tti = page.evaluate("window.__blocksReady")
        page.wait_for_function("true")  # let the last CDP events arrive
        page.wait_for_timeout(200)
        http = [r for r in requests.values() if not r["url"].startswith("data:")]
        if any(r["encoded"] is None for r in http):
            raise RuntimeError(f"a request did not finish: {http}")
        return PageLoad(len(http), sum(r["encoded"] for r in http), sum(r["decoded"] for r in http), tti,
                        len(sockets), [r["url"] for r in http])
    finally:
        context.close()


def page_weights(urls: dict[str, str]) -> dict[str, PageLoad]:
    """Requests and bytes of each page's cold load until the network is quiet (the same measure
    for any framework's page: an Image + Chatbot app on blocks and on Gradio)."""
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            for url in urls.values():
                _load_once(browser, url, until_idle=True)  # the first render of each server
            return {name: _load_once(browser, url, until_idle=True) for name, url in urls.items()}
        finally:
            browser.close()


def page_loads(browser: Browser, urls: dict[str, str], runs: int = 5) -> dict[str, PageLoad]:
    """Cold loads of each page in fresh contexts, interleaved; bytes from the last, TTI the median."""
    for url in urls.values():
        _load_once(browser, url)  # warm each server (first page render, first socket)
    loads: dict[str, list[PageLoad]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            loads[name].append(_load_once(browser, url))
    result = {}
    for name, runs_ in loads.items():
        result[name] = runs_[-1]
        result[name].tti_ms = statistics.median(load.tti_ms for load in runs_)
    return result


def click_latency(browser: Browser, url: str, clicks: int = 300, warmup: int = 30) -> list[float]:
    """Milliseconds from button.click() to the new counter value in the DOM, per click."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        return page.evaluate(CLICKS_JS, {"clicks": clicks, "warmup": warmup})
    finally:
        context.close()


def real_clicks(browser: Browser, url: str, clicks: int = 100, warmup: int = 10) -> list[float]:
    """Milliseconds from a real mouse click on "+1" to the new count in the DOM, per click."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(READY_HOOK + REAL_CLICK_HOOK)
        page.goto(url)
        page.wait_for_function("window.__blocksReady !== undefined", timeout=10_000)
        box = page.get_by_role("button", name="+1").bounding_box()
        assert box is not None, "the +1 button is not on the page"
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        for i in range(warmup + clicks):
            page.mouse.click(x, y)
            page.wait_for_function("n => window.__clickSamples.length >= n", arg=i + 1, timeout=10_000)
            page.wait_for_timeout(10)  # a user's clicks are apart; let the page settle
        return page.evaluate("window.__clickSamples")[warmup:]  # type: ignore[no-any-return]
    finally:
        context.close()


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass
class BrowserResult:
    loads: dict[str, PageLoad]
    clicks: list[float]  # in-page button.click() on the counter app
    real_clicks: dict[str, list[float]]  # Playwright mouse clicks: counter app and the bare page, interleaved


def run(page_urls: dict[str, str], counter_url: str, bare_url: str) -> BrowserResult:
    """Page loads of `page_urls` (name -> URL), click latency on the counter app, real clicks on it
    and on the bare page (in rounds, alternating, so that both see the same machine)."""
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            loads = page_loads(browser, page_urls, runs=9)
            clicks = click_latency(browser, counter_url)
            real: dict[str, list[float]] = {"blocks": [], "bare": []}
            for _ in range(3):
                for name, url in (("blocks", counter_url), ("bare", bare_url)):
                    real[name] += real_clicks(browser, url, clicks=40)
            return BrowserResult(loads, clicks, real)
        finally:
            browser.close()
