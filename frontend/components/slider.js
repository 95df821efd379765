// Slider: an <input type=range> named by its <label for>, with a number box beside it kept in
// sync. Moving either fires input and change; letting go (or leaving the box) fires release.
import { attr, h, field } from "../index.js";

export function render(props, emit) {
  const range = h("input", { type: "range" });
  const box = h("input", { type: "number", className: "slider-number" });
  const control = h("div", { className: "slider-controls" }, range, box);
  const { el, update: updateField } = field(props, range);
  range.replaceWith(control);
  control.prepend(range);
  el.classList.add("slider");

  /** The box's number, or undefined while it is empty, not a number yet, or out of range. */
  function readBox() {
    if (box.validity.badInput || box.value === "") return undefined;
    const number = Number(box.value);
    if (!Number.isFinite(number) || number < Number(range.min) || number > Number(range.max)) return undefined;
    return number;
  }

  function moved(value) {
    emit("input", value);
    emit("change", value);
  }

  range.addEventListener("input", () => {
    box.value = range.value;
    moved(Number(range.value));
  });
  range.addEventListener("change", () => emit("release", Number(range.value)));
  box.addEventListener("input", () => {
    const value = readBox();
    if (value === undefined) return;
    range.value = String(value);
    moved(value);
  });
  box.addEventListener("change", () => {
    if (readBox() === undefined) box.value = range.value; // back to what the slider shows
    emit("release", Number(range.value));
  });

  function update(patch) {
    for (const [prop, name] of [["minimum", "min"], ["maximum", "max"], ["step", "step"]]) {
      if (prop in patch) {
        attr(range, name, patch[prop]);
        attr(box, name, patch[prop]);
      }
    }
    if ("precision" in patch) box.dataset.precision = patch.precision ?? "";
    if ("value" in patch) {
      range.value = String(patch.value ?? range.min);
      box.value = patch.value ?? range.value;
    }
    if ("interactive" in patch) {
      range.disabled = patch.interactive === false;
      box.readOnly = patch.interactive === false;
    }
    if ("label" in patch) box.setAttribute("aria-label", `number input for ${patch.label ?? ""}`);
    updateField(patch);
  }

  update(props);
  return { el, update, destroy() {} };
}
