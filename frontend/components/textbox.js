// Textbox: an <input> for one line, a <textarea> for more (growing from `lines` to `max_lines` rows, then
// scrolling); read-only when not interactive. Optional Copy, submit and stop buttons, as Gradio's.
import { attr, copyButton, h, field } from "../index.js";

const HTML_ATTRIBUTES = ["autocapitalize", "autocorrect", "spellcheck", "autocomplete", "tabindex", "enterkeyhint",
  "lang"];

export function render(props, emit) {
  const state = { autoscroll: true, ...props };
  let control = makeControl();
  const labelled = field(props, control);
  const el = labelled.el;
  el.classList.add("textbox");
  const box = h("div", { className: "textbox-box" });
  control.replaceWith(box);
  box.append(control);
  const copy = copyButton("textbox-copy", () => control.value, (value) => emit("copy", undefined, { value }));
  el.querySelector(".label").after(copy);
  const submitButton = h("button", { type: "button", className: "textbox-submit", hidden: true });
  const stopButton = h("button", { type: "button", className: "textbox-stop", hidden: true });
  box.append(submitButton, stopButton);
  submitButton.addEventListener("click", () => emit("submit"));
  stopButton.addEventListener("click", () => emit("stop"));

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

  /** Grow a textarea with its content, from `lines` up to `max_lines` rows (Gradio's default: 20), then scroll. */
  function fit() {
    if (control.tagName !== "TEXTAREA") return;
    control.rows = state.lines;
    if (!control.isConnected) return void requestAnimationFrame(() => control.isConnected && fit());
    const style = getComputedStyle(control);
    const px = (...names) => names.reduce((sum, name) => sum + (parseFloat(style[name]) || 0), 0);
    const line = parseFloat(style.lineHeight) || px("fontSize") * 1.2;
    const border = px("borderTopWidth", "borderBottomWidth");
    const rows = (n) => n * line + px("paddingTop", "paddingBottom") + border; // border-box heights
    const most = rows(Math.max(state.lines, state.max_lines ?? Math.max(state.lines, 20)));
    const scrolled = control.scrollTop; // measuring must not move what the user is reading
    control.style.height = "auto";
    const wanted = control.scrollHeight + border; // scrollHeight counts the padding, not the border
    control.style.height = `${Math.min(Math.max(wanted, rows(state.lines)), most)}px`;
    control.style.overflowY = wanted > most + 1 ? "auto" : "hidden";
    control.scrollTop = scrolled;
  }

  function button(target, label, fallback) {
    target.hidden = !label;
    target.textContent = label === true ? (fallback === "Submit" ? "➤" : "■") : label || "";
    attr(target, "aria-label", label === true ? fallback : null);
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
    if ("interactive" in patch) control.readOnly = submitButton.disabled = patch.interactive === false;
    if ("max_length" in patch) attr(control, "maxlength", patch.max_length);
    if ("autofocus" in patch) control.autofocus = Boolean(patch.autofocus);
    if ("rtl" in patch) attr(control, "dir", patch.rtl && "rtl");
    if ("text_align" in patch) control.style.textAlign = patch.text_align ?? "";
    if ("buttons" in patch) copy.hidden = !(patch.buttons ?? []).includes("copy");
    if ("submit_btn" in patch) button(submitButton, patch.submit_btn, "Submit");
    if ("stop_btn" in patch) button(stopButton, patch.stop_btn, "Stop");
    if ("html_attributes" in patch) {
      const given = patch.html_attributes ?? {};
      for (const name of HTML_ATTRIBUTES) attr(control, name, given[name] == null ? null : String(given[name]));
    }
    fit();
    // Gradio's autoscroll: a value set by a listener (streaming) shows its end.
    if ("value" in patch && state.autoscroll !== false) control.scrollTop = control.scrollHeight;
    labelled.update(patch);
  }

  update(props);
  if (props.autofocus) requestAnimationFrame(() => control.focus());
  return { el, update, destroy() {} };
}
