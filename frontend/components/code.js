// Code: the code highlighted by the server (spans with tok-* classes) in a <pre> with line numbers;
// when interactive, a <textarea> for editing (plain text while editing).
import { attr, h, styles } from "../index.js";

styles("code", `
.code-box { display: flex; border: 1px solid var(--border); border-radius: var(--radius); background: var(--input); }
.code-numbers, .code-view, .code-edit { font: .9rem/1.5 ui-monospace, monospace; margin: 0; padding: 8px; }
.code-numbers { color: var(--muted); text-align: right; white-space: pre; user-select: none; border-right: 1px solid var(--border); }
.code-view { flex: 1; overflow: auto; white-space: pre; }
.code.wrap .code-view, .code.wrap .code-edit { white-space: pre-wrap; }
.code-edit { width: 100%; box-sizing: border-box; white-space: pre; tab-size: 4; }
.tok-k, .tok-kn, .tok-kd, .tok-kc, .tok-ow { color: #a21caf; } .tok-s, .tok-s1, .tok-s2, .tok-sd { color: #15803d; }
.tok-c, .tok-c1, .tok-cm { color: var(--muted); font-style: italic; } .tok-m, .tok-mi, .tok-mf { color: #1d4ed8; }
.tok-nf, .tok-fm, .tok-nc { color: #c2410c; } .tok-nb, .tok-bp { color: #0e7490; }
`);

export function render(props, emit) {
  const state = { lines: 5, ...props };
  const id = `blocks-input-${props.id}`;
  const label = h("label", { className: "label", htmlFor: id });
  const numbers = h("div", { className: "code-numbers", "aria-hidden": "true" });
  const pre = h("pre", { className: "code-view", tabIndex: 0 });
  const view = h("div", { className: "code-box" }, numbers, pre);
  const area = h("textarea", { id, className: "code-edit", spellcheck: false });
  const el = h("div", { className: "field code" }, label, view, area);

  area.addEventListener("input", () => {
    state.value = { code: area.value, html: null };
    emit("input", area.value);
    emit("change", area.value);
  });
  area.addEventListener("focus", () => emit("focus"));
  area.addEventListener("blur", () => emit("blur"));
  area.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" || event.shiftKey) return;  // Tab indents; Escape then Tab leaves
    event.preventDefault();
    area.setRangeText("    ", area.selectionStart, area.selectionEnd, "end");
    area.dispatchEvent(new Event("input"));
  });

  function update(patch) {
    Object.assign(state, patch);
    const value = state.value ?? { code: "", html: "" };
    const code = value.code ?? "";
    const editable = state.interactive === true;
    if ("language" in patch && !("value" in patch)) pre.textContent = code; // its highlighting was for the old language
    if ("value" in patch) {
      pre.innerHTML = value.html ?? "";
      if (value.html == null) pre.textContent = code;
      if (area.value !== code) area.value = code;
      const count = Math.max(1, code.split("\n").length);
      numbers.textContent = Array.from({ length: count }, (_, i) => i + 1).join("\n");
    }
    view.hidden = editable;
    area.hidden = !editable;
    area.rows = Math.max(state.lines ?? 5, Math.min(code.split("\n").length, state.max_lines ?? Infinity));
    area.id = editable ? id : "";
    attr(pre, "aria-label", !editable && (state.label ?? "Code"));
    label.textContent = state.label ?? "";
    label.classList.toggle("sr-only", state.show_label === false);
    numbers.hidden = state.show_line_numbers === false;
    el.classList.toggle("wrap", state.wrap_lines === true);
    pre.style.minHeight = `${(state.lines ?? 5) * 1.5}em`;
    pre.style.maxHeight = state.max_lines ? `${state.max_lines * 1.5}em` : "";
  }

  update(state);
  return { el, update, destroy() {} };
}
