// Markdown: HTML rendered and sanitized by the server, shown in a <div class="prose">.
import { attr, copyButton, h } from "../index.js";

const size = (value) => (typeof value === "number" ? `${value}px` : value ?? "");

export function render(props, emit) {
  const state = { show_label: false, label: null, ...props };
  const label = h("span", { className: "label" });
  const prose = h("div", { className: "prose" });
  // Copies the Markdown source, as Gradio's; fires copy (gr.CopyData.value).
  // Named "Copy Markdown": a page may also show a Textbox's "Copy".
  const copy = copyButton("markdown-copy", () => state.value?.text ?? "", (value) => emit("copy", undefined, { value }),
    "Copy Markdown");
  const el = h("div", { className: "markdown" }, label, copy, prose);

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch) {
      const value = patch.value;
      if (typeof value === "string") prose.textContent = value; // not expected; never parse it as HTML
      else prose.innerHTML = value?.html ?? "";
    }
    label.textContent = state.label ?? "";
    label.hidden = !(state.show_label && state.label);
    copy.hidden = !(state.buttons ?? []).includes("copy");
    if ("rtl" in patch) attr(prose, "dir", patch.rtl && "rtl");
    if ("height" in patch) prose.style.height = size(patch.height);
    if ("max_height" in patch) prose.style.maxHeight = size(patch.max_height);
    if ("min_height" in patch) prose.style.minHeight = size(patch.min_height);
    prose.style.overflowY = state.height || state.max_height ? "auto" : "";
  }

  update(state);
  return { el, update, destroy() {} };
}
