// Dropdown: a native <select> (`multiple` when multiselect) with one <option> per choice;
// the value is the chosen choice's value, or the list of them when multiselect.
import { h, field } from "../index.js";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export function render(props, emit) {
  const state = { choices: [], value: null, multiselect: false, max_choices: null };
  const select = h("select", {});
  const { el, update: updateField } = field(props, select);
  el.classList.add("dropdown");

  /** The values shown as chosen; a value that is not a choice (allow_custom_value) gets its own option. */
  const chosen = () => (state.multiselect ? (Array.isArray(state.value) ? state.value : []) : [state.value]);

  function draw() {
    const values = state.choices.map(([, value]) => value);
    const custom = chosen().filter((value) => value != null && !values.some((v) => same(v, value)));
    const all = [...state.choices, ...custom.map((value) => [String(value), value])];
    select.replaceChildren(...all.map(([text, value], index) =>
      h("option", { value: String(index), textContent: String(text), selected: chosen().some((v) => same(v, value)) })));
    state.options = all;
    if (!state.multiselect && state.value == null) select.selectedIndex = -1;
  }

  function read() {
    const picked = [...select.selectedOptions].map((option) => state.options[Number(option.value)][1]);
    return state.multiselect ? picked : picked[0] ?? null;
  }

  select.addEventListener("change", () => {
    const value = read();
    if (state.multiselect && state.max_choices != null && value.length > state.max_choices) {
      draw(); // over max_choices: back to what was chosen
      return;
    }
    const before = chosen();
    state.value = value;
    emit("input", value);
    emit("change", value);
    // The option picked (or, in a multiselect, each one added or removed) as gr.SelectData.
    const now = state.multiselect ? value : value == null ? [] : [value];
    const added = now.filter((v) => !before.some((b) => same(b, v)));
    const removed = state.multiselect ? before.filter((b) => !now.some((v) => same(b, v))) : [];
    for (const [items, selected] of [[added, true], [removed, false]]) {
      for (const item of items) {
        const index = state.options.findIndex(([, v]) => same(v, item));
        emit("select", value, { index, value: item, selected });
      }
    }
  });
  select.addEventListener("focus", () => emit("focus"));
  select.addEventListener("blur", () => emit("blur"));
  select.addEventListener("keyup", (event) => emit("key_up", undefined, { key: event.key, input_value: read() }));

  function update(patch) {
    if ("choices" in patch) {
      state.choices = (patch.choices ?? []).map((choice) => (Array.isArray(choice) ? choice : [choice, choice]));
    }
    if ("multiselect" in patch) select.multiple = state.multiselect = patch.multiselect === true;
    if ("value" in patch) state.value = patch.value ?? (state.multiselect ? [] : null);
    if ("max_choices" in patch) state.max_choices = patch.max_choices ?? null;
    // Values outside the choices are shown as options of their own whether or not this is set;
    // the server decides what it accepts.
    if ("allow_custom_value" in patch) state.allow_custom_value = patch.allow_custom_value;
    // A native <select> has type-ahead but no filter box (the server logs that filterable is partial).
    if ("filterable" in patch) state.filterable = patch.filterable;
    if ("interactive" in patch) select.disabled = patch.interactive === false;
    if (["choices", "value", "multiselect"].some((name) => name in patch)) draw();
    updateField(patch);
  }

  update(props);
  return { el, update, destroy() {} };
}
