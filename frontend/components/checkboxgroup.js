// CheckboxGroup: a <fieldset> of checkboxes, each with its <label>; the value is the
// list of checked choice values, in the order they were checked (as in Gradio).
import { h, describe } from "../index.js";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export function render(props, emit) {
  const state = { choices: [], value: [], interactive: true };
  const legend = h("legend", { className: "label" });
  const info = h("p", { className: "info", id: `blocks-info-${props.id}` });
  const list = h("div", { className: "choices" });
  const el = h("fieldset", { className: "checkboxgroup" }, legend, info, list);

  list.addEventListener("change", (event) => {
    const index = Number(event.target.dataset.index);
    const [, value] = state.choices[index];
    const others = state.value.filter((item) => !same(item, value));
    state.value = event.target.checked ? [...others, value] : others;
    emit("input", state.value);
    emit("change", state.value);
    emit("select", state.value, { index, value, selected: event.target.checked });
  });

  function drawChoices() {
    list.replaceChildren(...state.choices.map(([text], index) => {
      const id = `blocks-input-${props.id}-${index}`;
      const box = h("input", { type: "checkbox", id, name: `blocks-input-${props.id}`, "data-index": index });
      return h("label", { className: "choice", htmlFor: id }, box, h("span", {}, String(text)));
    }));
  }

  function sync() {
    list.querySelectorAll("input").forEach((box, index) => {
      box.checked = state.value.some((item) => same(item, state.choices[index][1]));
      box.disabled = state.interactive === false;
    });
  }

  function update(patch) {
    if ("choices" in patch) {
      state.choices = (patch.choices ?? []).map((choice) => (Array.isArray(choice) ? choice : [choice, choice]));
      drawChoices();
    }
    if ("value" in patch) state.value = Array.isArray(patch.value) ? [...patch.value] : [];
    if ("interactive" in patch) state.interactive = patch.interactive;
    if ("label" in patch) legend.textContent = patch.label ?? "";
    if ("show_label" in patch) legend.classList.toggle("sr-only", patch.show_label === false);
    if ("info" in patch) describe(el, info, patch.info);
    sync();
  }

  update(props);
  return { el, update, destroy() {} };
}
