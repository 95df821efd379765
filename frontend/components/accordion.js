// gr.Accordion: a native <details>; its <summary> shows the label, the children follow it.
import { h, styles } from "../index.js";

styles("accordion", `
.accordion { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); }
.accordion > summary { cursor: pointer; padding: 10px 12px; font-weight: 600; }
.accordion > .accordion-body { padding: 0 12px 12px; }
`);

export function render(props, emit, children = []) {
  const label = h("span", { className: "accordion-label" });
  const summary = h("summary", {}, label);
  const body = h("div", { className: "accordion-body column" }, ...children.map((child) => child.el));
  const el = h("details", { className: "accordion" }, summary, body);
  // The user toggles it: summary clicks (Enter and Space click it too); updates set `open` quietly.
  summary.addEventListener("click", () => {
    const opening = !el.open; // the click's default toggles it afterwards
    emit(opening ? "expand" : "collapse", undefined);
  });
  function update(patch) {
    if ("label" in patch) label.textContent = patch.label ?? "";
    if ("open" in patch) el.open = patch.open !== false;
    for (const [prop, style] of [["height", "height"], ["max_height", "maxHeight"]]) {
      if (prop in patch) body.style[style] = typeof patch[prop] === "number" ? `${patch[prop]}px` : patch[prop] ?? "";
    }
  }
  update(props);
  return { el, update, destroy() {} };
}
