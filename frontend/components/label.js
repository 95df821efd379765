// Label: the top class as a heading and, with confidences, a list of classes highest first with
// bars (<meter>) and percentages; clicking a class fires select.
import { h, styles } from "../index.js";

styles("label", `
.label-top { margin: 4px 0 8px; font-size: 1.5rem; text-align: center; }
.label-classes { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.label-class {
  display: grid; grid-template-columns: 1fr auto; width: 100%; gap: 2px 8px; text-align: left;
  background: none; border: 1px solid transparent; border-radius: var(--radius); padding: 4px 6px; cursor: pointer;
}
.label-class:hover { border-color: var(--border); }
.label-class meter { grid-column: 1 / -1; width: 100%; accent-color: var(--accent); }
.label-percent { color: var(--muted); }
`);

export function render(props, emit) {
  const state = { show_heading: true, ...props };
  const label = h("span", { className: "label" });
  const heading = h("h2", { className: "label-top" });
  const list = h("ol", { className: "label-classes" });
  const el = h("div", { className: "field label-output" }, label, heading, list);

  function row(item, index) {
    const confidence = Number(item.confidence) || 0;
    const percent = `${Math.round(confidence * 100)}%`;
    const meter = h("meter", { min: 0, max: 1, value: confidence, "aria-label": item.label });
    const button = h("button", { type: "button", className: "label-class" },
      h("span", { className: "label-name" }, item.label), h("span", { className: "label-percent" }, percent), meter);
    if (state.color) meter.style.accentColor = state.color;
    button.addEventListener("click", () => emit("select", undefined, { index, value: item.label, selected: true }));
    return h("li", {}, button);
  }

  function update(patch) {
    Object.assign(state, patch);
    const value = state.value ?? {};
    heading.textContent = value.label ?? "";
    heading.hidden = state.show_heading === false || value.label == null;
    if (state.color) heading.style.color = state.color;
    list.replaceChildren(...(value.confidences ?? []).map(row));
    label.textContent = state.label ?? "";
    label.classList.toggle("sr-only", state.show_label === false);
  }

  update(state);
  return { el, update, destroy() {} };
}
