// Pure helpers of frontend/chat.js (the Chatbot's messages): run with `node --test tests/frontend/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lastUserIndex, messageText, threads } from "../../frontend/chat.js";

const text = (role, value, metadata = null) => ({ role, metadata, content: [{ type: "text", text: value, html: "" }] });

test("thoughts nest under the message their parent_id names; others stay in order", () => {
  const messages = [text("user", "q"), text("assistant", "plan", { title: "Plan", id: 1 }),
    text("assistant", "step", { title: "Step", id: 2, parent_id: 1 }),
    text("assistant", "deeper", { title: "Deeper", parent_id: 2 }), text("assistant", "answer"),
    text("assistant", "orphan", { title: "Lost", parent_id: 9 })];
  const roots = threads(messages);
  assert.deepEqual(roots.map((n) => n.index), [0, 1, 4, 5]);
  assert.deepEqual(roots[1].children.map((n) => n.index), [2]);
  assert.deepEqual(roots[1].children[0].children.map((n) => n.index), [3]);
});

test("retry and undo name the first of the user's last messages", () => {
  const roles = (...names) => names.map((role) => text(role, role));
  assert.equal(lastUserIndex(roles("user", "assistant", "user", "user", "assistant", "assistant")), 2);
  assert.equal(lastUserIndex(roles("user", "assistant")), 0);
  assert.equal(lastUserIndex(roles("assistant")), -1);
});

test("a message's text joins its text items and names its files", () => {
  const message = { role: "user", content: [{ type: "file", file: { path: "/c/a.png", orig_name: "a.png" } },
    { type: "text", text: "look" }] };
  assert.equal(messageText(message), "a.png\nlook");
});
