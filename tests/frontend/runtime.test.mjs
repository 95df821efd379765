// Pure helpers of the runtime: run with `node --test tests/frontend/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  attemptsBeforeGivingUp, classList, fitBlobs, frameBytes, nextDelay, pendingOutputs, serverUrl, socketUrl, triggeredBy,
} from "../../frontend/index.js";

test("the socket follows the page's scheme and the config root", () => {
  assert.equal(socketUrl("/", "http://localhost:7860/"), "ws://localhost:7860/ws");
  assert.equal(socketUrl("/", "https://example.org/?x=1"), "wss://example.org/ws?x=1");
  assert.equal(socketUrl("/app", "https://example.org/app"), "wss://example.org/app/ws");
  assert.equal(socketUrl("", "http://h/sub/"), "ws://h/sub/ws");
  assert.equal(socketUrl("https://proxy.example/x/", "http://h/"), "wss://proxy.example/x/ws");
});

test("session/close is under the root", () => {
  assert.equal(serverUrl("/", "session/close", "http://h:1/page").href, "http://h:1/session/close");
});

const deps = [
  { id: 0, triggers: [[2, "click"], [1, "submit"]], outputs: [5, 6], show_progress: "full" },
  { id: 1, triggers: [[2, "click"]], outputs: [6, 7], show_progress: "full" },
  { id: 2, triggers: [[3, "change"]], outputs: [8], show_progress: "hidden" },
];

test("an event triggers the dependencies listening to it, ids as numbers or strings", () => {
  assert.deepEqual(triggeredBy(deps, 2, "click").map((d) => d.id), [0, 1]);
  assert.deepEqual(triggeredBy(deps, "1", "submit").map((d) => d.id), [0]);
  assert.deepEqual(triggeredBy(deps, 1, "click"), []);
});

test("pending outputs are deduplicated and skip show_progress hidden", () => {
  assert.deepEqual(pendingOutputs(deps, triggeredBy(deps, 2, "click")), ["5", "6", "7"]);
  assert.deepEqual(pendingOutputs(deps, triggeredBy(deps, 3, "change")), []);
});

test("pending outputs follow .then chains", () => {
  const deps = [
    { id: 0, triggers: [[2, "click"]], outputs: [5], show_progress: "full" },
    { id: 1, triggers: [], after: [0, "then"], outputs: [6], show_progress: "full" },
    { id: 2, triggers: [], after: [1, "success"], outputs: [7], show_progress: "hidden" },
  ];
  assert.deepEqual(pendingOutputs(deps, triggeredBy(deps, 2, "click")), ["5", "6"]);
});

test("pending outputs follow .change cascades, even through a loop", () => {
  const cart = [
    { id: 0, triggers: [[3, "click"]], outputs: [1], show_progress: "full" }, // button -> State
    { id: 1, triggers: [[1, "change"]], outputs: [4], show_progress: "full" }, // State -> Number
    { id: 2, triggers: [[4, "change"]], outputs: [1], show_progress: "full" }, // Number -> State
  ];
  assert.deepEqual(pendingOutputs(cart, triggeredBy(cart, 3, "click")), ["1", "4"]);
});

test("reconnect backoff doubles from 100 ms up to 2 s", () => {
  const delays = [100];
  while (delays.length < 7) delays.push(nextDelay(delays.at(-1)));
  assert.deepEqual(delays, [100, 200, 400, 800, 1600, 2000, 2000]);
});

test("frame size counts UTF-8 bytes when it could exceed 1 MB", () => {
  assert.equal(frameBytes("abc"), 3);
  assert.equal(frameBytes("é".repeat(400_000)), 800_000);
});

test("elem_classes accepts a list, a string or nothing", () => {
  assert.deepEqual(classList(["a", "", "b"]), ["a", "b"]);
  assert.deepEqual(classList("a  b"), ["a", "b"]);
  assert.deepEqual(classList(["toolbar compact", "x"]), ["toolbar", "compact", "x"]);
  assert.deepEqual(classList(null), []);
});

test("stored blobs that do not fit in the hello together are left out, the largest first", () => {
  const blob = (n) => "x".repeat(n);
  const { kept, dropped } = fitBlobs({ 1: blob(300), 2: blob(500), 3: blob(400), 4: null }, 800);
  assert.deepEqual(dropped, { 2: 500 });
  assert.deepEqual(Object.keys(kept).filter((id) => kept[id] != null), ["1", "3"]);
  assert.equal(kept[2], null);
  assert.deepEqual(fitBlobs({ 1: blob(800), 2: null }, 800).dropped, {}); // exactly the budget fits
  assert.deepEqual(fitBlobs({ 1: blob(900), 2: blob(900), 3: blob(900) }, 1000).dropped, { 1: 900, 2: 900 });
});

test("refusals stop the retries sooner than a server that cannot be reached", () => {
  for (const code of [1008, 1009, 1013, 4429]) assert.equal(attemptsBeforeGivingUp(code), 3);
  assert.equal(attemptsBeforeGivingUp(1006), 20);
});
