// Chat messages as DOM, for chatbot.js: content items (HTML rendered and sanitized by the server,
// files as images / audio / video / links, components by their value), thoughts as <details>
// nested by parent_id, and the pure helpers the renderer and tests/frontend share.
import { h, styles } from "./index.js";
import { fileHref } from "./upload.js";

styles("chat", `
.chatbot-log { display: flex; flex-direction: column; gap: .5rem; overflow-y: auto; padding: .5rem; border: 1px solid var(--border); border-radius: var(--radius); min-height: 8rem; }
.chatbot.no-height .chatbot-log { flex: 1; min-height: 300px; }
.chat-row { display: flex; gap: .5rem; align-items: flex-start; }
.chat-row.user { flex-direction: row-reverse; }
.chatbot.panel .chat-row.user { flex-direction: row; }
.chat-avatar { width: 2rem; height: 2rem; border-radius: 50%; object-fit: cover; }
.chat-column { display: flex; flex-direction: column; align-items: flex-start; max-width: 85%; min-width: 0; }
.chat-row.user .chat-column { align-items: flex-end; }
.chatbot.panel .chat-column { max-width: 100%; flex: 1; align-items: stretch; }
.chat-message { max-width: 100%; padding: .5rem .75rem; border-radius: var(--radius); background: var(--input); overflow-wrap: anywhere; }
.chat-row.user .chat-message { background: var(--accent-soft, #fde7d4); }
.chat-message img, .chat-message video { max-width: 100%; max-height: 20rem; }
.chat-message pre { overflow-x: auto; }
.chat-message > :first-child { margin-top: 0; } .chat-message > :last-child { margin-bottom: 0; }
.chat-thought { border: 1px solid var(--border); border-radius: var(--radius); padding: .25rem .5rem; margin: .25rem 0; }
.chat-thought summary { cursor: pointer; font-weight: 600; }
.chat-thought .chat-status { font-weight: normal; color: var(--muted); margin-left: .5rem; }
.chat-log-line { color: var(--muted); font-size: .85em; }
.chat-actions, .chat-options, .chatbot-toolbar, .chatbot-examples { display: flex; gap: .25rem; flex-wrap: wrap; }
.chatbot-toolbar { justify-content: flex-end; }
.chat-actions button, .chatbot-toolbar button { font-size: .8rem; padding: .1rem .4rem; }
.chat-actions button[aria-pressed="true"] { background: var(--accent, #f97316); color: white; }
.chatbot-placeholder { margin: auto; text-align: center; }
.chatbot-examples button { text-align: left; padding: .5rem; border: 1px solid var(--border); border-radius: var(--radius); }
.chat-edit { width: 100%; min-height: 4rem; }
`);

/** Messages as a tree: a message whose metadata.parent_id names an earlier one's metadata.id goes inside it. */
export function threads(messages) {
  const byId = new Map(), roots = [];
  messages.forEach((message, index) => {
    const node = { message, index, children: [] };
    const meta = message.metadata ?? {};
    const parent = meta.parent_id != null ? byId.get(String(meta.parent_id)) : null;
    (parent ? parent.children : roots).push(node);
    if (meta.id != null) byId.set(String(meta.id), node);
  });
  return roots;
}

/** A message's text, as copied and as sent with like / retry / undo events. */
export function messageText(message) {
  return (message.content ?? []).map((item) => item.type === "text" ? item.text
    : item.type === "file" ? item.file?.orig_name ?? item.file?.path ?? "" : "").join("\n");
}

/** The index of the user's last message that the last answer replies to (RetryData / UndoData index). */
export function lastUserIndex(messages) {
  let i = messages.map((m) => m.role).lastIndexOf("user");
  while (i > 0 && messages[i - 1].role === "user") i -= 1;
  return i;
}

function media(file, altText, downloads) {
  const src = fileHref(file);
  const type = file.mime_type ?? "";
  const name = file.orig_name || file.path?.split("/").pop() || "file";
  if (type.startsWith("image/")) return h("img", { src, alt: altText || name });
  if (type.startsWith("audio/")) return h("audio", { src, controls: true, "aria-label": name });
  if (type.startsWith("video/")) return h("video", { src, controls: true, "aria-label": name });
  return h("a", { href: downloads ? fileHref(file, true) : src, download: downloads ? name : false,
    target: "_blank" }, name);
}

function item(entry, downloads) {
  if (entry.type === "text") {
    const div = h("div", { className: "chat-text prose" });
    div.innerHTML = entry.html ?? ""; // rendered and sanitized by the server (chat_messages.py)
    return div;
  }
  if (entry.type === "file") return media(entry.file ?? {}, entry.alt_text, downloads);
  const value = entry.value;
  const files = Array.isArray(value) ? value : [value];
  if (value && files.every((f) => f && typeof f === "object" && "url" in f)) {
    return h("div", { className: "chat-component" }, ...files.map((f) => media(f, null, downloads)));
  }
  const shown = value?.html != null ? null : typeof value === "string" ? value : JSON.stringify(value, null, 2);
  const box = h(shown === null ? "div" : "pre", { className: `chat-component chat-${entry.component}` });
  if (shown === null) box.innerHTML = value.html; // a Markdown component's value, rendered by the server
  else box.textContent = shown;
  return box;
}

/** One message's bubble: its content, or a <details> for a thought (title, status, duration, log, children). */
export function bubble(node, state, openThoughts, inner = false) {
  const { message, children } = node;
  const meta = message.metadata ?? {};
  const body = (message.content ?? []).map((entry) => item(entry, state.allow_file_downloads !== false));
  const nested = children.map((child) => bubble(child, state, openThoughts, true));
  const wrap = (...parts) => (inner ? h("div", {}, ...parts)
    : h("div", { className: "chat-message", "data-index": node.index,
      "data-testid": message.role === "user" ? "user" : "bot" }, ...parts)); // Gradio's test ids
  if (!meta.title) return wrap(...body, ...nested);
  const status = meta.status === "pending" ? "…" : meta.duration != null ? `${Number(meta.duration).toFixed(1)}s` : "";
  const summary = h("summary", {}, meta.title, status ? h("span", { className: "chat-status" }, status) : null);
  const key = String(meta.id ?? node.index);
  const details = h("details", { className: "chat-thought" }, summary, ...body,
    meta.log ? h("div", { className: "chat-log-line" }, meta.log) : null, ...nested);
  details.open = openThoughts.has(key) ? openThoughts.get(key) : meta.status === "pending";
  summary.addEventListener("click", () => openThoughts.set(key, !details.open)); // the user's choice, kept
  return inner ? details : wrap(details);
}
