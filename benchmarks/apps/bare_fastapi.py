"""Baseline: a bare FastAPI app doing the trivial work of apps/echo.py, under uvicorn like blocks.

It speaks just enough of blocks' protocol (GET /config, the hello / event / update frames of
/ws, POST /api/echo) for the load generator to drive it with the same client code.
With BARE_THREADED=1 it runs the function in FastAPI's thread pool, as FastAPI does for a
`def` endpoint: the baseline for blocks' sync listeners (apps/bare_fastapi_threaded.py).
"""

import os

import orjson
import uvicorn
from fastapi import FastAPI, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

SOURCE, TARGET, BUTTON = 1, 2, 3
COUNTER_BUTTON, COUNT = 4, 5  # the page's +1 button and its count (real-click latency, benchmarks/browser.py)
CONFIG = {"components": {str(SOURCE): {"renderer": "textbox", "props": {"label": "in"}},
                         str(TARGET): {"renderer": "textbox", "props": {"label": "out"}},
                         str(BUTTON): {"renderer": "button", "props": {"value": "Echo"}}}}

app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)


def echo(text):
    return text


async def run(fn, value):
    """The function inline, or in the thread pool like a FastAPI `def` endpoint."""
    return await run_in_threadpool(fn, value) if os.environ.get("BARE_THREADED") else fn(value)


# The floor for time to interactive and click latency: one HTML page whose inline script opens
# the WebSocket, says hello and fires `blocks:ready` on the page-load update, like blocks' runtime
# does; its +1 button sends an event frame and the reply sets the count (then `blocks:update`).
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
<link rel="icon" href="data:,"><script type="module">
const socket = new WebSocket(new URL("ws", location.href.replace(/^http/, "ws")));
let seq = 0;
socket.onopen = () => socket.send(JSON.stringify({type: "hello", resume: null, browser_state: {}}));
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type !== "update") return;
  if (message.seq === 0) document.dispatchEvent(new CustomEvent("blocks:ready"));
  const count = message.updates["5"];
  if (count) {
    document.getElementById("count").value = count.value;
    document.dispatchEvent(new CustomEvent("blocks:update"));
  }
};
document.getElementById("plus").onclick = () =>
  socket.send(JSON.stringify({type: "event", seq: ++seq, target: 4, event: "click", values: {}}));
</script></head><body><input aria-label="in"><input aria-label="out">
<button id="plus">+1</button><label>Count <input id="count" type="number" value="0"></label></body></html>"""


@app.get("/")
async def page() -> HTMLResponse:
    return HTMLResponse(PAGE)


@app.get("/config")
async def config() -> Response:
    return Response(orjson.dumps(CONFIG), media_type="application/json")


@app.post("/api/echo")
async def api(request: Request) -> Response:
    data = orjson.loads(await request.body())["data"]
    return Response(orjson.dumps({"data": [await run(echo, data[0])]}), media_type="application/json")


@app.websocket("/ws")
async def socket(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        orjson.loads(await websocket.receive_text())  # hello
        await websocket.send_text(orjson.dumps({"type": "session", "session_hash": "x", "resume": "y"}).decode())
        await websocket.send_text(orjson.dumps({"type": "update", "seq": 0, "updates": {}, "done": True}).decode())
        count = 0
        while True:
            message = orjson.loads(await websocket.receive_text())
            if message["type"] != "event":
                break
            if message["target"] == COUNTER_BUTTON:
                count += 1
                updates = {str(COUNT): {"value": count}}
            else:
                updates = {str(TARGET): {"value": await run(echo, message["values"].get(str(SOURCE)))}}
            reply = {"type": "update", "seq": message["seq"], "updates": updates, "done": True}
            await websocket.send_text(orjson.dumps(reply).decode())
    except WebSocketDisconnect:
        pass


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["GRADIO_SERVER_PORT"]), log_level="warning",
                ws_max_size=1_000_000)
