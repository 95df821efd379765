// MultimodalTextbox: a <textarea> with an attach button (<input type=file>, uploaded at once through
// upload.js) and the attached files as removable chips; Enter submits {text, files}.
import { attr, h, field, styles } from "../index.js";
import { acceptFor, progressBar, uploadShown } from "../upload.js";

styles("multimodaltextbox", `
.mmtb-box { display: flex; gap: .25rem; align-items: flex-end; border: 1px solid var(--border); border-radius: var(--radius); padding: .25rem; background: var(--input); }
.mmtb-box textarea { flex: 1; border: 0; resize: none; background: transparent; font: inherit; }
.mmtb-files { display: flex; gap: .25rem; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; }
.mmtb-files li { border: 1px solid var(--border); border-radius: 1rem; padding: 0 .5rem; font-size: .85rem; }
.mmtb-error { color: var(--error-text-color, #b91c1c); } .mmtb-error:empty { display: none; }
`);

export function render(props, emit) {
  const state = { lines: 1, max_lines: 20, file_count: "single", ...props };
  const text = h("textarea", { rows: 1 });
  const labelled = field(props, text);
  const el = labelled.el;
  el.classList.add("multimodaltextbox");
  const input = h("input", { type: "file", hidden: true, "aria-label": "Upload files" });
  const attach = h("button", { type: "button", className: "mmtb-attach", textContent: "📎", "aria-label": "Attach files" });
  const submit = h("button", { type: "button", className: "mmtb-submit" });
  const stop = h("button", { type: "button", className: "mmtb-stop" });
  const box = h("div", { className: "mmtb-box" }, attach, input);
  text.replaceWith(box);
  box.append(text, submit, stop);
  const files = h("ul", { className: "mmtb-files", "aria-label": "Attached files" });
  const bar = progressBar();
  const error = h("p", { className: "mmtb-error", role: "alert" });
  el.append(files, bar, error);
  let value = { text: "", files: [] };

  const changed = (event) => { emit(event, { ...value }); if (event !== "change") emit("change", { ...value }); };
  function showFiles() {
    files.replaceChildren(...value.files.map((file, index) => {
      const remove = h("button", { type: "button", textContent: "×", "aria-label": `Remove ${file.orig_name}` });
      remove.addEventListener("click", () => {
        value = { ...value, files: value.files.filter((_, i) => i !== index) };
        showFiles();
        changed("input");
      });
      return h("li", {}, file.orig_name ?? file.path, " ", remove);
    }));
  }
  attach.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const chosen = [...input.files];
    if (!chosen.length) return;
    const uploaded = await uploadShown(chosen, bar, error, input);
    if (!uploaded) return;
    value = { ...value, files: state.file_count === "single" ? uploaded.slice(0, 1) : [...value.files, ...uploaded] };
    showFiles();
    changed("input");
  });
  text.addEventListener("input", () => { value = { ...value, text: text.value }; fit(); changed("input"); });
  text.addEventListener("keydown", (event) => {
    const multi = state.lines > 1;
    if (event.key !== "Enter" || event.isComposing || event.shiftKey !== multi) return;
    event.preventDefault();
    emit("submit", { ...value });
  });
  text.addEventListener("focus", () => emit("focus"));
  text.addEventListener("blur", () => emit("blur"));
  text.addEventListener("select", () => emit("select", undefined, {
    value: text.value.slice(text.selectionStart, text.selectionEnd), index: [text.selectionStart, text.selectionEnd] }));
  submit.addEventListener("click", () => emit("submit", { ...value }));
  stop.addEventListener("click", () => emit("stop"));

  function fit() {
    const rows = Math.min(Math.max(state.lines, text.value.split("\n").length), state.max_lines ?? 20);
    text.rows = rows;
  }
  function button(target, given, fallback, icon) {
    target.hidden = !given;
    target.textContent = given === true ? icon : given || "";
    attr(target, "aria-label", given === true ? fallback : null);
  }

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch) {
      const v = patch.value ?? {};
      value = { text: v.text ?? "", files: v.files ?? [] };
      text.value = value.text;
      showFiles();
    }
    if ("placeholder" in patch) attr(text, "placeholder", patch.placeholder);
    if ("interactive" in patch) {
      text.readOnly = patch.interactive === false;
      attach.disabled = submit.disabled = input.disabled = patch.interactive === false;
    }
    if ("file_types" in patch) input.accept = acceptFor(state.file_types);
    if ("file_count" in patch) input.multiple = state.file_count !== "single";
    if ("sources" in patch) attach.hidden = !(state.sources ?? ["upload"]).includes("upload");
    if ("submit_btn" in patch) button(submit, patch.submit_btn, "Submit", "➤");
    if ("stop_btn" in patch) button(stop, patch.stop_btn, "Stop", "■");
    if ("rtl" in patch) attr(text, "dir", patch.rtl && "rtl");
    if ("text_align" in patch) text.style.textAlign = patch.text_align ?? "";
    if ("autofocus" in patch && patch.autofocus) requestAnimationFrame(() => text.focus());
    fit();
    labelled.update(patch);
  }

  update(state);
  return { el, update, destroy() {} };
}
