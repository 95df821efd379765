// Dialogue: editable lines (a speaker <select> and a text box each, add / remove buttons), or the same
// as plain text behind a "Plain Text" switch; ":" in a line offers the tags as a listbox. Not interactive,
// it is a read-only transcript with each speaker's lines tinted by color_map (or a palette).
import { attr, copyButton, h, styles } from "../index.js";
import { formatLines, insertTag, matchingTags, tagQuery, unformatText } from "../dialogue_lines.js";

styles("dialogue", `
.dialogue-head { display: flex; align-items: center; gap: 8px; }
.dialogue-head .label { flex: 1; }
.dialogue-switch { display: flex; justify-content: flex-end; align-items: center; gap: 6px; font-size: .875rem; }
.dialogue-switch input { width: auto; margin: 0; accent-color: var(--accent); }
.dialogue-lines { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.dialogue-line { display: flex; gap: 4px; align-items: flex-start; position: relative; }
.dialogue-line select { width: 10rem; flex: none; }
.dialogue-line textarea, .dialogue-plain { flex: 1; resize: vertical; field-sizing: content; min-height: 2.4em; }
.dialogue-line button { padding: 4px 9px; }
.dialogue-tags { position: absolute; left: 10.5rem; right: 0; top: 100%; z-index: 5; margin: 2px 0 0; padding: 2px;
  list-style: none; max-height: 14rem; overflow-y: auto; background: var(--input); border: 1px solid var(--border);
  border-radius: 6px; }
.dialogue-tags.plain { left: 0; }
.dialogue-tags [role=option] { padding: 3px 8px; border-radius: 4px; cursor: pointer; }
.dialogue-tags [aria-selected=true] { background: var(--secondary); }
.dialogue-transcript { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 4px; }
.dialogue-transcript li { display: flex; gap: 10px; padding: 6px 10px; border-radius: 6px;
  background: color-mix(in srgb, var(--speaker-color) 22%, transparent); }
.dialogue-speaker { flex: none; width: 9rem; font-weight: 600; border-left: 4px solid var(--speaker-color);
  padding-left: 6px; }
.dialogue-plain-box { position: relative; display: flex; }
.dialogue-submit { align-self: flex-end; }
`);

const PALETTE = ["red", "green", "blue", "gold", "purple", "teal", "orange", "cyan", "lime", "pink"];

export function render(props, emit) {
  const state = { ...props, lines: [], plain: "", plainMode: false };
  const labelId = `blocks-label-${props.id}`;
  const label = h("span", { className: "label", id: labelId });
  const info = h("p", { className: "info", id: `blocks-info-${props.id}` });
  const copy = copyButton("dialogue-copy", () => (showsPlain() ? state.plain : formatLines(state.lines, state)));
  const toggle = h("input", { type: "checkbox", role: "switch" });
  const switchRow = h("label", { className: "dialogue-switch" }, toggle, "Plain Text");
  const body = h("div");
  const submitButton = h("button", { type: "button", className: "dialogue-submit primary", hidden: true });
  const el = h("div", { className: "field dialogue", role: "group", "aria-labelledby": labelId },
    h("div", { className: "dialogue-head" }, label, copy), info, switchRow, body, submitButton);
  const picker = tagPicker();

  const interactive = () => state.interactive !== false;
  const speakersOn = () => (state.speakers ?? []).length > 0;
  const showsPlain = () => !speakersOn() || state.plainMode || state.ui_mode === "text";
  const changed = (value) => { emit("input", value); emit("change", value); };

  toggle.addEventListener("change", () => {
    state.plainMode = toggle.checked;
    if (toggle.checked) state.plain = formatLines(state.lines, state);
    else { setLines(unformatText(state.plain, state)); changed(state.lines); }
    draw();
  });
  submitButton.addEventListener("click", () => {
    // As Gradio's: plain text goes back to lines first (the listener gets lines, formatted by the server).
    const value = showsPlain() ? (speakersOn() ? unformatText(state.plain, state) : state.plain) : state.lines;
    if (speakersOn() && showsPlain()) state.lines = value;
    emit("submit", value);
  });

  function setLines(value) {
    const first = speakersOn() ? state.speakers[0] : "";
    state.lines = value?.length ? value.map((line) => ({ ...line })) : value ? [{ speaker: first, text: "" }] : [];
  }

  function lineView(line, index) {
    const n = index + 1;
    const speaker = h("select", { "aria-label": `Line ${n} speaker`, disabled: !interactive() },
      ...(state.speakers ?? []).map((name) => h("option", { value: name, textContent: name })));
    if (!(state.speakers ?? []).includes(line.speaker)) speaker.prepend(h("option", { value: line.speaker, textContent: line.speaker }));
    speaker.value = line.speaker;
    speaker.addEventListener("change", () => { line.speaker = speaker.value; changed(state.lines); });
    const text = h("textarea", { rows: 1, value: line.text, "aria-label": `Line ${n} text` });
    attr(text, "placeholder", state.placeholder);
    const typed = (value) => { line.text = value; changed(state.lines); };
    text.addEventListener("input", () => { picker.look(text, true, typed); typed(text.value); });
    picker.watch(text);
    const add = h("button", { type: "button", textContent: "+", "aria-label": "Add new line" });
    // Gradio hides it from line max_lines - 1 on; blocks also when max_lines lines are there.
    add.hidden = state.max_lines != null && Math.max(index + 1, state.lines.length) >= state.max_lines;
    add.addEventListener("click", () => {
      state.lines.splice(index + 1, 0, { speaker: speakersOn() ? state.speakers[0] : "", text: "" });
      draw();
      body.querySelectorAll(".dialogue-line textarea")[index + 1]?.focus();
      changed(state.lines);
    });
    const remove = h("button", { type: "button", textContent: "−", "aria-label": "Remove current line", hidden: !index });
    remove.addEventListener("click", () => { state.lines.splice(index, 1); draw(); changed(state.lines); });
    return h("li", { className: "dialogue-line" }, speaker, text, add, remove);
  }

  function transcriptView(line, colors) {
    const item = h("li", {}, h("span", { className: "dialogue-speaker", textContent: line.speaker }),
      h("span", { textContent: line.text }));
    item.style.setProperty("--speaker-color", colors[line.speaker] ?? "transparent");
    return item;
  }

  function plainView() {
    const text = h("textarea", { className: "dialogue-plain", rows: 5, value: state.plain, readOnly: !interactive(),
      "aria-labelledby": labelId });
    attr(text, "placeholder", state.placeholder);
    const typed = (value) => { state.plain = value; changed(state.plain); };
    text.addEventListener("input", () => { picker.look(text, false, typed); typed(text.value); });
    picker.watch(text);
    return h("div", { className: "dialogue-plain-box" }, text);
  }

  function colors() {
    if (state.color_map) return state.color_map;
    return Object.fromEntries((state.speakers ?? []).map((name, i) => [name, PALETTE[i % PALETTE.length]]));
  }

  function draw() {
    picker.close();
    const focused = document.activeElement;
    const wasHere = body.contains(focused) ? [...body.querySelectorAll("textarea")].indexOf(focused) : -1;
    if (showsPlain()) body.replaceChildren(plainView());
    else if (interactive()) body.replaceChildren(h("ol", { className: "dialogue-lines" }, ...state.lines.map(lineView)));
    else body.replaceChildren(h("ol", { className: "dialogue-transcript", "aria-labelledby": labelId },
      ...state.lines.map((line) => transcriptView(line, colors()))));
    if (wasHere >= 0) body.querySelectorAll("textarea")[wasHere]?.focus();
    toggle.checked = state.plainMode;
    switchRow.hidden = state.ui_mode !== "both" || !speakersOn();
  }

  /** The ":" tag listbox, shared by the text boxes: opened by look(), chosen by keyboard or mouse. */
  function tagPicker() {
    const list = h("ul", { className: "dialogue-tags", role: "listbox", id: `blocks-tags-${props.id}`,
      "aria-label": "Tags", hidden: true });
    let box = null, shown = [], active = 0, trim = false, onPick = null;
    const close = () => { list.hidden = true; shown = []; if (box) { attr(box, "aria-activedescendant", null); } };
    function paint() {
      list.replaceChildren(...shown.map((tag, i) => {
        const option = h("li", { role: "option", id: `${list.id}-${i}`, textContent: tag, "aria-selected": String(i === active) });
        option.addEventListener("mousedown", (event) => { event.preventDefault(); active = i; pick(); });
        return option;
      }));
      attr(box, "aria-activedescendant", `${list.id}-${active}`);
      list.children[active]?.scrollIntoView?.({ block: "nearest" });
    }
    function pick() {
      const next = insertTag(box.value, box.selectionStart, shown[active], trim);
      box.value = next.text;
      box.setSelectionRange(next.caret, next.caret);
      close();
      onPick(next.text);
    }
    function look(target, inLine, picked) {
      const query = (state.tags ?? []).length ? tagQuery(target.value, target.selectionStart) : null;
      shown = query ? matchingTags(state.tags, query.query) : [];
      if (!shown.length) return close();
      box = target; active = 0; trim = inLine; onPick = picked;
      list.classList.toggle("plain", !inLine);
      target.parentElement.append(list);
      list.hidden = false;
      paint();
    }
    function watch(target) {
      attr(target, "aria-autocomplete", (state.tags ?? []).length ? "list" : null);
      attr(target, "aria-controls", (state.tags ?? []).length ? list.id : null);
      target.addEventListener("blur", () => box === target && close());
      target.addEventListener("keydown", (event) => {
        if (list.hidden || box !== target) return;
        const moves = { ArrowDown: 1, ArrowUp: -1 };
        if (event.key in moves) active = Math.max(0, Math.min(shown.length - 1, active + moves[event.key]));
        else if (event.key === "Enter" || event.key === "Tab") pick();
        else if (event.key === "Escape") close();
        else return;
        event.preventDefault();
        if (!list.hidden) paint();
      });
    }
    return { look, watch, close };
  }

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch) {
      if (typeof patch.value === "string") { state.plain = patch.value; state.plainMode = speakersOn(); }
      else { setLines(patch.value); state.plain = formatLines(state.lines, state); }
    }
    if ("label" in patch) label.textContent = patch.label ?? "";
    if ("show_label" in patch) label.classList.toggle("sr-only", patch.show_label === false);
    if ("info" in patch) { info.textContent = patch.info ?? ""; info.hidden = !patch.info; }
    copy.hidden = !(state.buttons ?? []).includes("copy") || state.show_label === false;
    submitButton.hidden = !state.submit_btn || !interactive();
    submitButton.textContent = state.submit_btn === true ? "➤" : state.submit_btn || "";
    attr(submitButton, "aria-label", state.submit_btn === true ? "Submit" : null);
    draw();
  }

  update(props);
  if (props.autofocus) requestAnimationFrame(() => body.querySelector("textarea, select")?.focus());
  return { el, update, destroy() {} };
}
