// DateTime: a native <input type=datetime-local> (or type=date without include_time) with its <label>.
// The page's value is 'YYYY-MM-DD HH:MM:SS' (or 'YYYY-MM-DD'), as Gradio's.
import { h, field } from "../index.js";

const toInput = (value) => (value ?? "").replace(" ", "T");
const fromInput = (text) => text.replace("T", " ");

export function render(props, emit) {
  const state = { ...props };
  const input = h("input", { type: "datetime-local" });
  const labelled = field(props, input);
  const el = labelled.el;
  el.classList.add("datetime");

  function current() {
    let text = fromInput(input.value);
    // datetime-local drops ':00' seconds; the server's format always has them
    if (state.include_time !== false && /^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(text)) text += ":00";
    return text || null;
  }

  input.addEventListener("change", () => emit("change", current()));
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") emit("submit", current());
  });

  function update(patch) {
    Object.assign(state, patch);
    if ("include_time" in patch) {
      input.type = patch.include_time === false ? "date" : "datetime-local";
      if (patch.include_time !== false) input.step = "1";
    }
    if ("value" in patch) input.value = toInput(patch.value);
    if ("interactive" in patch) input.readOnly = patch.interactive === false;
    labelled.update(patch);
  }

  update(props);
  return { el, update, destroy() {} };
}
