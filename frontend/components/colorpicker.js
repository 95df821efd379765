// ColorPicker: a native <input type=color> with its <label>; the value is '#rrggbb'.
import { h, field } from "../index.js";

export function render(props, emit) {
  const picker = h("input", { type: "color" });
  const labelled = field(props, picker);
  const el = labelled.el;
  el.classList.add("colorpicker");

  picker.addEventListener("input", () => emit("input", picker.value));
  picker.addEventListener("change", () => {
    emit("change", picker.value);
    emit("release", picker.value);
  });
  picker.addEventListener("keydown", (event) => {
    if (event.key === "Enter") emit("submit", picker.value);
  });
  picker.addEventListener("focus", () => emit("focus"));
  picker.addEventListener("blur", () => emit("blur"));

  function update(patch) {
    // a native colour input cannot be empty: no value shows black, as Gradio's picker does
    if ("value" in patch) picker.value = patch.value || "#000000";
    if ("interactive" in patch) picker.disabled = patch.interactive === false;
    labelled.update(patch);
  }

  update(props);
  return { el, update, destroy() {} };
}
