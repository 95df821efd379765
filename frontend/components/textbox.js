// Textbox: an <input> for one line, a <textarea> for more; read-only when not interactive.
import { attr, h, field } from "../index.js";

export function render(props, emit) {
  const state = { ...props };
  let control = makeControl();
  const labelled = field(props, control);
  const el = labelled.el;
  el.classList.add("textbox");

  function multiline() {
    return state.lines > 1 && state.type !== "password" && state.type !== "email";
  }

  function makeControl() {
    const multi = multiline();
    const next = multi ? h("textarea") : h("input", { type: state.type || "text" });
    next.addEventListener("input", () => {
      fit();
      emit("input", next.value);
      emit("change", next.value);
    });
    next.addEventListener("keydown", (event) => {
      // Gradio: Enter submits a one-line box, Shift+Enter a multi-line one.
      if (event.key !== "Enter" || event.isComposing || event.shiftKey !== multi) return;
      event.preventDefault();
      emit("submit");
    });
    next.addEventListener("keyup", (event) => emit("key_up", next.value, { key: event.key, input_value: next.value }));
    next.addEventListener("focus", () => emit("focus"));
    next.addEventListener("blur", () => emit("blur"));
    return next;
  }

  /** Grow a textarea with its content, from `lines` up to `max_lines` rows. */
  function fit() {
    if (control.tagName !== "TEXTAREA") return;
    const rows = control.value.split("\n").length;
    control.rows = Math.max(state.lines, Math.min(rows, state.max_lines ?? Infinity));
  }

  function update(patch) {
    Object.assign(state, patch);
    if (("lines" in patch || "type" in patch) && multiline() !== (control.tagName === "TEXTAREA")) {
      const value = control.value;
      labelled.swap((control = makeControl()));
      control.value = value;
      patch = state; // a new element: apply every prop
    }
    if ("value" in patch) control.value = patch.value ?? "";
    if ("type" in patch && control.tagName === "INPUT") control.type = patch.type || "text";
    if ("placeholder" in patch) attr(control, "placeholder", patch.placeholder);
    if ("interactive" in patch) control.readOnly = patch.interactive === false;
    if ("max_length" in patch) attr(control, "maxlength", patch.max_length);
    if ("autofocus" in patch) control.autofocus = Boolean(patch.autofocus);
    if ("rtl" in patch) attr(control, "dir", patch.rtl && "rtl");
    if ("text_align" in patch) control.style.textAlign = patch.text_align ?? "";
    fit();
    labelled.update(patch);
  }

  update(props);
  if (props.autofocus) requestAnimationFrame(() => control.focus());
  return { el, update, destroy() {} };
}
