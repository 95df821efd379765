// Number: an <input type=number>; its value is a number or null (empty).
import { attr, h, field } from "../index.js";

export function render(props, emit) {
  const state = { ...props };
  const input = h("input", { type: "number" });
  const { el, update: updateField } = field(props, input);
  el.classList.add("number");

  /** The typed number, null when empty, undefined while it is not a number yet ("-", "1e"). */
  function read() {
    if (input.validity.badInput) return undefined;
    if (input.value === "") return null;
    const number = Number(input.value);
    return Number.isFinite(number) ? number : undefined;
  }

  input.addEventListener("input", () => {
    const value = read();
    if (value === undefined) return;
    emit("input", value);
    emit("change", value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing) return;
    event.preventDefault();
    emit("submit");
  });
  input.addEventListener("focus", () => emit("focus"));
  input.addEventListener("blur", () => emit("blur"));

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch) input.value = patch.value ?? "";
    if ("placeholder" in patch) attr(input, "placeholder", patch.placeholder);
    if ("minimum" in patch) attr(input, "min", patch.minimum);
    if ("maximum" in patch) attr(input, "max", patch.maximum);
    if ("step" in patch || "precision" in patch) {
      const fromPrecision = state.precision != null ? 10 ** -state.precision : "any";
      attr(input, "step", state.step ?? fromPrecision);
    }
    if ("interactive" in patch) input.readOnly = patch.interactive === false;
    updateField(patch);
  }

  update(props);
  return { el, update, destroy() {} };
}
