// ParamViewer: parameters as <details> rows, `name: type` in the summary (highlighted by the server, as
// gr.Code), the default and the description (Markdown rendered by the server) inside; an Open All button.
import { h, styles } from "../index.js";
import "./code.js"; // the tok-* colours of highlighted code

styles("paramviewer", `
.paramviewer { border: 1px solid var(--border); border-radius: var(--radius); overflow: auto; }
.paramviewer-head { display: flex; justify-content: space-between; align-items: center; padding: 6px 10px;
  border-bottom: 1px solid var(--border); font-weight: 600; }
.paramviewer details { border-bottom: 1px solid var(--border); padding: 6px 10px; }
.paramviewer details:last-child { border-bottom: 0; }
.paramviewer summary { cursor: pointer; font-family: ui-monospace, monospace; }
.paramviewer summary a { margin-left: .5em; color: var(--muted); text-decoration: none; }
.paramviewer-default { font-family: ui-monospace, monospace; margin: 6px 0 0; }
.paramviewer-default span { color: var(--muted); padding-right: 4px; font-family: inherit; }
`);

export function render(props) {
  const state = { value: [], header: "Parameters", anchor_links: false, ...props };
  const title = h("span", { className: "paramviewer-title" });
  const toggle = h("button", { type: "button", className: "paramviewer-toggle" });
  const head = h("div", { className: "paramviewer-head" }, title, toggle);
  const list = h("div", { className: "paramviewer-list" });
  const el = h("div", { className: "paramviewer" }, head, list);
  const rows = () => [...list.querySelectorAll("details")];

  function label() {
    const open = rows().length > 0 && rows().every((row) => row.open);
    toggle.textContent = open ? "Close All" : "Open All";
    toggle.setAttribute("aria-expanded", String(open));
  }
  toggle.addEventListener("click", () => {
    const open = !rows().every((row) => row.open);
    rows().forEach((row) => { row.open = open; });
    label();
  });

  function row(param) {
    const signature = h("code");
    signature.innerHTML = param.signature; // highlighted and escaped by the server
    const summary = h("summary", {}, signature);
    const details = h("details", {}, summary);
    if (state.anchor_links !== false) {
      details.id = `${typeof state.anchor_links === "string" ? state.anchor_links : ""}param-${param.name}`;
      summary.append(h("a", { href: `#${details.id}`, "aria-label": `Link to ${param.name}` }, "#"));
    }
    if (param.default != null) {
      const code = h("code");
      code.innerHTML = param.default;
      details.append(h("div", { className: "paramviewer-default" }, h("span", {}, "default"), code));
    }
    const description = h("div", { className: "prose paramviewer-description" });
    description.innerHTML = param.description; // sanitized by the server
    details.append(description);
    details.addEventListener("toggle", label);
    return details;
  }

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch || "anchor_links" in patch) list.replaceChildren(...(state.value ?? []).map(row));
    title.textContent = state.header ?? "";
    head.hidden = state.header == null;
    const height = state.max_height;
    el.style.maxHeight = typeof height === "number" ? `${height}px` : height ?? "";
    label();
  }

  update(state);
  return { el, update, destroy() {} };
}
