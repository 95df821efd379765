// Label: the top class as a heading and, with confidences, a list of classes highest first with
// bars (<meter>) and percentages; clicking a class fires select.
import { h } from "../index.js";

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
