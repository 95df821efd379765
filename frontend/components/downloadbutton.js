// DownloadButton: a <button> that fires "click" and downloads its value (a FileData) under its original name.
import { h } from "../index.js";
import { look } from "./button.js";
import { fileHref } from "../upload.js";

export function render(props, emit) {
  const state = { variant: "secondary", size: "lg", ...props };
  const el = h("button", { type: "button", className: "downloadbutton" });

  el.addEventListener("click", () => {
    emit("click");
    const file = state.value;
    if (!file?.url) return;
    const link = h("a", { href: fileHref(file, true), download: file.orig_name || "" });
    document.body.append(link);
    link.click();
    link.remove();
  });

  function update(patch) {
    Object.assign(state, patch);
    if ("label" in patch) el.textContent = state.label ?? "";
    if ("variant" in patch || "size" in patch) look(el, state);
    if ("interactive" in patch) el.disabled = patch.interactive === false || !state.value;
    if ("value" in patch) el.disabled = state.interactive === false || !state.value;
  }

  update(state);
  return { el, update, destroy() {} };
}
