// Checkbox: a native <input type=checkbox> inside its <label>; the value is true or false.
import { h, describe } from "../index.js";

export function render(props, emit) {
  const id = `blocks-input-${props.id}`;
  const box = h("input", { type: "checkbox", id });
  const text = h("span", { className: "label" });
  const label = h("label", { className: "choice", htmlFor: id }, box, text);
  const info = h("p", { className: "info", id: `blocks-info-${props.id}` });
  const el = h("div", { className: "field checkbox" }, label, info);

  box.addEventListener("change", () => {
    emit("input", box.checked);
    emit("change", box.checked);
    emit("select", box.checked, { index: 0, value: text.textContent, selected: box.checked });
  });

  function update(patch) {
    if ("value" in patch) box.checked = patch.value === true;
    if ("interactive" in patch) box.disabled = patch.interactive === false;
    if ("label" in patch) text.textContent = patch.label ?? "";
    if ("show_label" in patch) text.classList.toggle("sr-only", patch.show_label === false);
    if ("info" in patch) describe(box, info, patch.info);
  }

  update(props);
  return { el, update, destroy() {} };
}
