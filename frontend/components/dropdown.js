// Dropdown: an ARIA combobox, as Gradio's: an <input role=combobox> that filters a listbox of options
// (case-insensitive), arrow keys move, Enter picks, Escape closes. allow_custom_value commits the typed
// text (Enter or leaving the box); multiselect shows the chosen values as removable tokens.
import { h, field } from "../index.js";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export function render(props, emit) {
  const state = { choices: [], value: null, multiselect: false, max_choices: null, allow_custom_value: false,
    filterable: true, interactive: true, open: false, active: -1, shown: [], typed: false };
  const listId = `blocks-options-${props.id}`;
  const input = h("input", { type: "text", role: "combobox", autocomplete: "off",
    "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": listId });
  const { el, update: updateField } = field(props, input);
  el.classList.add("dropdown");
  const tokens = h("ul", { className: "dropdown-tokens" });
  const list = h("ul", { role: "listbox", id: listId, className: "dropdown-options", hidden: true });
  const box = h("div", { className: "dropdown-box" });
  input.replaceWith(box);
  box.append(tokens, input, list);

  const chosen = () => (state.multiselect ? (Array.isArray(state.value) ? state.value : []) : state.value == null ? [] : [state.value]);
  const labelOf = (value) => (state.choices.find(([, v]) => same(v, value)) ?? [String(value)])[0];
  const isChosen = (value) => chosen().some((v) => same(v, value));

  function drawTokens() {
    tokens.hidden = !state.multiselect;
    tokens.replaceChildren(...(state.multiselect ? chosen() : []).map((value) => {
      const remove = h("button", { type: "button", textContent: "×", disabled: state.interactive === false,
        "aria-label": `Remove ${labelOf(value)}` });
      remove.addEventListener("click", () => commit(chosen().filter((v) => !same(v, value)), value, false));
      return h("li", { className: "dropdown-token" }, h("span", { textContent: labelOf(value) }), remove);
    }));
    showText();
  }

  /** The box shows the chosen label (single) or nothing (multiselect), unless the user is typing. */
  function showText() {
    if (!state.typed) input.value = state.multiselect || state.value == null ? "" : labelOf(state.value);
  }

  function drawList() {
    const needle = state.typed ? input.value.toLowerCase() : "";
    state.shown = state.choices.map((choice, index) => [choice, index])
      .filter(([[label]]) => String(label).toLowerCase().includes(needle));
    if (state.active >= state.shown.length) state.active = state.shown.length - 1;
    list.replaceChildren(...state.shown.map(([[label, value], index], at) => {
      const option = h("li", { role: "option", id: `${listId}-${index}`, textContent: String(label),
        className: at === state.active ? "active" : "", "aria-selected": String(isChosen(value)) });
      option.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the box
      option.addEventListener("click", () => pick(at));
      return option;
    }));
    list.hidden = !state.open || state.shown.length === 0;
    input.setAttribute("aria-expanded", String(state.open));
    const active = state.open && state.shown[state.active];
    if (active) input.setAttribute("aria-activedescendant", `${listId}-${active[1]}`);
    else input.removeAttribute("aria-activedescendant");
    list.children[state.active]?.scrollIntoView?.({ block: "nearest" });
  }

  function setOpen(open) {
    const opening = open && !state.open;
    state.open = open && state.interactive !== false;
    if (!state.open) state.active = -1;
    drawList();
    if (opening && !state.typed) { // as Gradio: the arrows start from the chosen option
      state.active = state.shown.findIndex(([[, value]]) => isChosen(value));
      drawList();
    }
  }

  /** A new value from the user: the page shows it and the server hears input, change and select. */
  function commit(value, item, selected) {
    state.value = value;
    state.typed = false;
    drawTokens();
    drawList();
    emit("input", value);
    emit("change", value);
    const index = state.choices.findIndex(([, v]) => same(v, item));
    emit("select", value, { index, value: item, selected });
  }

  function pick(at) {
    const [[, value]] = state.shown[at];
    if (!state.multiselect) {
      setOpen(false);
      if (same(value, state.value)) { state.typed = false; return showText(); }
      return commit(value, value, true);
    }
    if (isChosen(value)) return commit(chosen().filter((v) => !same(v, value)), value, false);
    if (state.max_choices != null && chosen().length >= state.max_choices) return; // Gradio: no more
    commit([...chosen(), value], value, true);
  }

  /** The typed text as a value (allow_custom_value); a choice's label picks that choice. */
  function commitTyped() {
    const text = input.value;
    const match = state.choices.find(([label]) => label === text);
    const value = match ? match[1] : text;
    if (!state.multiselect) return same(value, state.value) ? showText() : commit(value, value, true);
    if (text === "" || isChosen(value) || (state.max_choices != null && chosen().length >= state.max_choices)) {
      state.typed = false;
      return showText();
    }
    commit([...chosen(), value], value, true);
  }

  input.addEventListener("input", () => { state.typed = true; state.active = 0; setOpen(true); });
  input.addEventListener("focus", () => { input.select(); setOpen(true); emit("focus"); });
  input.addEventListener("blur", () => {
    setOpen(false);
    if (state.typed && state.allow_custom_value) commitTyped();
    else { state.typed = false; showText(); }
    emit("blur");
  });
  input.addEventListener("keydown", (event) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      if (!state.open) return setOpen(true);
      const count = state.shown.length;
      state.active = count ? (state.active + step + count) % count : -1;
      return drawList();
    }
    if (event.key === "Escape") return setOpen(false);
    if (event.key !== "Enter" || event.isComposing) return;
    event.preventDefault();
    if (state.open && state.active >= 0 && state.shown[state.active]) pick(state.active);
    else if (state.typed && state.allow_custom_value) { setOpen(false); commitTyped(); }
  });
  input.addEventListener("keyup", (event) => emit("key_up", undefined, { key: event.key, input_value: input.value }));

  function update(patch) {
    if ("choices" in patch) {
      state.choices = (patch.choices ?? []).map((choice) => (Array.isArray(choice) ? choice : [choice, choice]));
    }
    const defaults = { multiselect: false, max_choices: null, allow_custom_value: false, filterable: true,
      interactive: true };
    for (const [name, fallback] of Object.entries(defaults)) if (name in patch) state[name] = patch[name] ?? fallback;
    if ("value" in patch) { state.value = patch.value ?? (state.multiselect ? [] : null); state.typed = false; }
    if ("interactive" in patch) input.disabled = patch.interactive === false;
    // filterable=False and no custom value: the box only opens the list (Gradio makes it read-only).
    input.readOnly = !state.filterable && !state.allow_custom_value;
    el.classList.toggle("multiselect", state.multiselect === true);
    drawTokens();
    drawList();
    updateField(patch);
  }

  update(props);
  return { el, update, destroy() {} };
}
