// Button: a <button type=button> whose text is its value; disabled when not interactive.
import { h } from "../index.js";

const VARIANTS = ["primary", "secondary", "stop", "huggingface"];
const SIZES = ["sm", "md", "lg"];

/** A button's variant and size classes (gr.Button, UploadButton, DownloadButton). */
export function look(el, { variant, size }) {
  el.classList.remove(...VARIANTS, ...SIZES);
  el.classList.add(VARIANTS.includes(variant) ? variant : "secondary");
  el.classList.add(SIZES.includes(size) ? size : "lg");
}

export function render(props, emit) {
  const state = { variant: "secondary", size: "lg", link: null, link_target: "_self", ...props };
  const el = h("button", { type: "button" });

  el.addEventListener("click", () => {
    emit("click");
    if (!state.link) return;
    if (state.link_target && state.link_target !== "_self") window.open(state.link, state.link_target, "noopener");
    else location.assign(state.link);
  });

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch) el.textContent = patch.value ?? "";
    if ("variant" in patch || "size" in patch) look(el, state);
    if ("interactive" in patch) el.disabled = patch.interactive === false;
  }

  update(state);
  return { el, update, destroy() {} };
}
