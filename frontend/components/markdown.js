// Markdown: HTML rendered and sanitized by the server, shown in a <div class="prose">.
import { attr, h } from "../index.js";

const size = (value) => (typeof value === "number" ? `${value}px` : value ?? "");

export function render(props) {
  const state = { show_label: false, label: null, ...props };
  const label = h("span", { className: "label" });
  const prose = h("div", { className: "prose" });
  const el = h("div", { className: "markdown" }, label, prose);

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch) {
      const value = patch.value;
      if (typeof value === "string") prose.textContent = value; // not expected; never parse it as HTML
      else prose.innerHTML = value?.html ?? "";
    }
    label.textContent = state.label ?? "";
    label.hidden = !(state.show_label && state.label);
    if ("rtl" in patch) attr(prose, "dir", patch.rtl && "rtl");
    if ("height" in patch) prose.style.height = size(patch.height);
    if ("max_height" in patch) prose.style.maxHeight = size(patch.max_height);
    if ("min_height" in patch) prose.style.minHeight = size(patch.min_height);
    prose.style.overflowY = state.height || state.max_height ? "auto" : "";
  }

  update(state);
  return { el, update, destroy() {} };
}
