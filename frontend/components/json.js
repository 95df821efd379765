// JSON: a value shown as a tree; each object and array is a <details> (all open with `open`).
import { h, styles } from "../index.js";

styles("json", `
.json-tree, .json-tree ul { list-style: none; margin: 0; padding-left: 1.25em; font-family: ui-monospace, monospace; }
.json-tree { padding: 8px; border: 1px solid var(--border); border-radius: var(--radius); overflow: auto; }
.json-tree summary { cursor: pointer; }
.json-key { color: var(--muted); }
.json-string { color: #15803d; } .json-number { color: #1d4ed8; } .json-boolean { color: #a21caf; }
.json-null { color: var(--muted); font-style: italic; }
.json-count { color: var(--muted); font-size: .85em; }
`);

const size = (v) => (typeof v === "number" ? `${v}px` : v ?? "");

function scalar(value) {
  const type = value === null ? "null" : typeof value;
  const text = type === "string" ? JSON.stringify(value) : String(value);
  return h("span", { className: `json-${type}` }, text);
}

function tree(value, key, state) {
  const head = key == null ? null : h("span", { className: "json-key" }, `${key}: `);
  if (value === null || typeof value !== "object") return h("li", {}, head, scalar(value));
  const array = Array.isArray(value);
  const entries = array ? value.map((v, i) => [i, v]) : Object.entries(value);
  const [open, close] = array ? ["[", "]"] : ["{", "}"];
  const count = `${entries.length} ${array ? "item" : "key"}${entries.length === 1 ? "" : "s"}`;
  const summary = h("summary", {}, head, `${open} `, h("span", { className: "json-count" }, count));
  const list = h("ul", {}, ...entries.map(([k, v]) => tree(v, array && !state.show_indices ? null : k, state)));
  return h("li", {}, h("details", { open: state.open === true || key == null }, summary, list, close));
}

export function render(props) {
  const state = { ...props };
  const label = h("span", { className: "label" });
  const body = h("ul", { className: "json-tree" });
  const el = h("div", { className: "field json" }, label, body);

  function update(patch) {
    Object.assign(state, patch);
    body.replaceChildren();
    if (state.value !== undefined && state.value !== null) body.append(tree(state.value, null, state));
    label.textContent = state.label ?? "";
    label.classList.toggle("sr-only", state.show_label === false);
    body.setAttribute("aria-label", state.label ?? "Json");
    body.style.height = size(state.height);
    body.style.maxHeight = size(state.max_height);
    body.style.minHeight = size(state.min_height);
  }

  update(state);
  return { el, update, destroy() {} };
}
