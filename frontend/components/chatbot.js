// Chatbot: the conversation in a scrolling role="log"; each message a row (avatar, bubble, actions).
// An update redraws only the rows whose message changed (a streamed answer: its own row), so long
// chats stay fast. Like / retry / undo / edit buttons show when the app listens to those events.
import { h, triggeredBy } from "../index.js";
import { bubble, lastUserIndex, messageText, threads } from "../chat.js";
import { fileHref } from "../upload.js";
import "./code.js"; // its tok-* colours for the highlighted code in messages

const size = (value) => (typeof value === "number" ? `${value}px` : value ?? "");
const ICONS = { Like: "👍", Dislike: "👎" };

export function render(props, emit) {
  const state = { value: [], buttons: [], feedback_options: ["Like", "Dislike"], ...props };
  const listens = (event) => triggeredBy(window.blocks?.config?.dependencies ?? [], props.id, event).length > 0;
  const label = h("span", { className: "label" });
  const copyAll = h("button", { type: "button", textContent: "Copy all" });
  const clear = h("button", { type: "button", textContent: "Clear" });
  const toolbar = h("div", { className: "chatbot-toolbar" }, copyAll, clear);
  const log = h("div", { className: "chatbot-log", role: "log" });
  const el = h("div", { className: "chatbot" }, label, toolbar, log);
  const openThoughts = new Map(), feedback = new Map();
  let rows = [], editing = null;

  const messages = () => state.value ?? [];
  const content = (index) => (messages()[index]?.content ?? []).map(({ html, ...rest }) => rest);
  async function copy(text) {
    try { await navigator.clipboard.writeText(state.watermark ? `${text}\n\n${state.watermark}` : text); }
    catch (err) { console.error("blocks: copy failed", err); }
    emit("copy", undefined, { value: text });
  }
  const action = (text, name, onClick, pressed) => {
    const b = h("button", { type: "button", textContent: ICONS[text] ?? text, "aria-label": name ?? text });
    if (pressed !== undefined) b.setAttribute("aria-pressed", String(pressed));
    b.addEventListener("click", (e) => { e.stopPropagation(); onClick(); });
    return b;
  };
  const set = (value, event, data) => { state.value = value; draw(); emit(event, value, data); emit("change", value); };

  function like(index, option) {
    const undone = feedback.get(index) === option;
    feedback.set(index, undone ? null : option);
    draw();
    const liked = undone ? "" : option === "Like" ? true : option === "Dislike" ? false : option;
    emit("like", undefined, { index, value: content(index), liked });
  }

  function editor(index) {
    const old = messageText(messages()[index]);
    const box = h("textarea", { className: "chat-edit", value: old, "aria-label": "Edit message" });
    const save = action("Save", null, () => {
      const text = box.value;
      const next = messages().map((m, i) => (i === index ? { ...m, content: [{ type: "text", text,
        html: text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`) }] } : m));
      editing = null;
      set(next, "edit", { index, value: text, previous_value: old });
    });
    const cancel = action("Cancel", null, () => { editing = null; draw(); });
    queueMicrotask(() => box.focus());
    return h("div", { className: "chat-message" }, box, h("div", { className: "chat-actions" }, save, cancel));
  }

  function actions(node, isLast) {
    const { message, index } = node, list = [];
    if (state.buttons.includes("copy")) list.push(action("Copy", "Copy message", () => copy(messageText(message))));
    const assistant = message.role === "assistant";
    if ((assistant || state.like_user_message) && listens("like")) {
      for (const option of state.feedback_options) {
        list.push(action(option, option, () => like(index, option), feedback.get(index) === option));
      }
    }
    const turn = { index: lastUserIndex(messages()), value: content(lastUserIndex(messages())) };
    if (isLast && assistant && listens("retry")) list.push(action("Retry", null, () => emit("retry", undefined, turn)));
    if (isLast && assistant && listens("undo")) list.push(action("Undo", null, () => emit("undo", undefined, turn)));
    if (state.editable === "all" || (state.editable === "user" && message.role === "user")) {
      list.push(action("Edit", "Edit message", () => { editing = index; draw(); }));
    }
    const options = (message.options ?? []).map((option) => action(option.label ?? option.value, null,
      () => emit("option_select", undefined, { index, value: option.value })));
    return [h("div", { className: "chat-actions" }, ...list), h("div", { className: "chat-options" }, ...options)];
  }

  function row(node, isLast) {
    const { message, index } = node;
    const avatar = (state.avatar_images ?? [])[message.role === "user" ? 0 : 1];
    const shown = editing === index ? editor(index) : bubble(node, state, openThoughts);
    if (listens("select")) {
      shown.addEventListener("click", () => emit("select", undefined, { index, value: content(index), selected: true }));
    }
    return h("div", { className: `chat-row ${message.role}`, "data-role": message.role },
      avatar ? h("img", { className: "chat-avatar", src: fileHref(avatar), alt: `${message.role} avatar` }) : null,
      h("div", { className: "chat-column" }, shown, ...actions(node, isLast)));
  }

  function empty() {
    const parts = [];
    if (state.placeholder) parts.push(Object.assign(h("div", { className: "chatbot-placeholder prose" }),
      { innerHTML: state.placeholder })); // Markdown rendered and sanitized by the server
    const examples = (state.examples ?? []).map((example, index) => {
      const b = h("button", { type: "button" },
        example.icon ? h("img", { src: fileHref(example.icon), alt: "", className: "chat-avatar" }) : null,
        example.display_text ?? example.text ?? "", ...(example.files ?? []).map((f) => h("small", {}, ` ${f.orig_name}`)));
      b.addEventListener("click", () => emit("example_select", undefined, { index, value: example }));
      return b;
    });
    if (examples.length) parts.push(h("div", { className: "chatbot-examples" }, ...examples));
    return h("div", { className: "chatbot-empty" }, ...parts);
  }

  function draw() {
    const list = messages();
    const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    if (!list.length) { rows = []; log.replaceChildren(empty()); }
    else if (!rows.length) log.replaceChildren();
    const groups = list.length ? threads(list) : [];
    groups.forEach((node, i) => {
      const isLast = i === groups.length - 1;
      const key = JSON.stringify([list.slice(node.index, groups[i + 1]?.index ?? list.length), isLast,
        editing === node.index, feedback.get(node.index) ?? null]);
      if (rows[i]?.key === key) return;
      const fresh = row(node, isLast);
      if (rows[i]) rows[i].el.replaceWith(fresh); else log.append(fresh);
      rows[i] = { key, el: fresh };
    });
    rows.splice(groups.length).forEach((r) => r.el.remove());
    clear.hidden = !list.length;
    copyAll.hidden = !list.length || !state.buttons.includes("copy_all");
    if (state.autoscroll !== false && atEnd) log.scrollTop = log.scrollHeight;
  }

  copyAll.addEventListener("click", () => copy(messages().map(messageText).join("\n\n")));
  clear.addEventListener("click", () => set([], "clear"));

  function update(patch) {
    Object.assign(state, patch);
    if ("feedback_value" in patch) {
      feedback.clear();
      const answers = messages().map((m, i) => [m, i]).filter(([m]) => m.role === "assistant");
      (patch.feedback_value ?? []).forEach((v, n) => answers[n] && feedback.set(answers[n][1], v));
    }
    label.textContent = state.label ?? "";
    label.hidden = state.show_label === false;
    log.setAttribute("aria-label", state.label ?? "Chatbot");
    log.style.height = size(state.height);
    log.style.maxHeight = size(state.max_height);
    log.style.minHeight = size(state.min_height);
    el.classList.toggle("no-height", state.height == null);
    el.classList.toggle("panel", state.layout === "panel");
    if ("rtl" in patch) log.dir = patch.rtl ? "rtl" : "";
    draw();
  }

  update(state);
  return { el, update, destroy() {} };
}
