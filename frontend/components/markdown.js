// Markdown: HTML rendered and sanitized by the server, shown in a <div class="prose">.
import { attr, h } from "../index.js";

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
    if ("height" in patch) {
      prose.style.height = typeof patch.height === "number" ? `${patch.height}px` : patch.height ?? "";
      prose.style.overflowY = patch.height ? "auto" : "";
    }
  }

  update(state);
  return { el, update, destroy() {} };
}
