// Radio: a <fieldset> of radio buttons named by their choice, each with its <label>;
// the value is the chosen choice's value (null before one is chosen).
import { h, describe } from "../index.js";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export function render(props, emit) {
  const state = { choices: [], value: null, interactive: true };
  const legend = h("legend", { className: "label" });
  const info = h("p", { className: "info", id: `blocks-info-${props.id}` });
  const list = h("div", { className: "choices" });
  const el = h("fieldset", { className: "radio" }, legend, info, list);

  list.addEventListener("change", (event) => {
    if (!event.target.checked) return;
    const index = Number(event.target.dataset.index);
    state.value = state.choices[index][1];
    emit("input", state.value);
    emit("change", state.value);
    emit("select", state.value, { index, value: state.value, selected: true });
  });

  function drawChoices() {
    list.replaceChildren(...state.choices.map(([text], index) => {
      const id = `blocks-input-${props.id}-${index}`;
      const button = h("input", { type: "radio", id, name: `blocks-input-${props.id}`, "data-index": index });
      return h("label", { className: "choice", htmlFor: id }, button, h("span", {}, String(text)));
    }));
  }

  function sync() {
    list.querySelectorAll("input").forEach((button, index) => {
      button.checked = same(state.value, state.choices[index][1]);
      button.disabled = state.interactive === false;
    });
  }

  function update(patch) {
    if ("choices" in patch) {
      state.choices = (patch.choices ?? []).map((choice) => (Array.isArray(choice) ? choice : [choice, choice]));
      drawChoices();
    }
    if ("value" in patch) state.value = patch.value ?? null;
    if ("interactive" in patch) state.interactive = patch.interactive;
    if ("label" in patch) legend.textContent = patch.label ?? "";
    if ("show_label" in patch) legend.classList.toggle("sr-only", patch.show_label === false);
    if ("info" in patch) describe(el, info, patch.info);
    if ("rtl" in patch) el.dir = patch.rtl ? "rtl" : "";
    sync();
  }

  update(props);
  return { el, update, destroy() {} };
}
