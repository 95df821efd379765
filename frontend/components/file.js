// File: a drop zone around an <input type=file>, then the files as download links with their sizes.
import { h, field } from "../index.js";
import { uploadShown, fileHref, formatSize, acceptFor, progressBar } from "../upload.js";

export function render(props, emit) {
  const state = { file_count: "single", ...props };
  const input = h("input", { type: "file" });
  const prompt = h("span", { className: "file-prompt" }, "Drop a file here or ");
  const drop = h("div", { className: "file-drop" }, prompt, input);
  const bar = progressBar();
  const error = h("p", { className: "file-error", role: "alert" });
  const list = h("ul", { className: "file-list" });
  const clear = h("button", { type: "button", className: "file-clear" }, "Clear");
  const labelled = field(props, input);
  const el = labelled.el;
  el.classList.add("file");
  el.append(drop, bar, error, list, clear);
  input.remove();
  drop.append(input);

  const many = () => state.file_count !== "single";
  const files = () => (state.value == null ? [] : Array.isArray(state.value) ? state.value : [state.value]);

  async function send(chosen) {
    if (!chosen.length) return;
    const uploaded = await uploadShown(chosen, bar, error, input);
    if (!uploaded) return;
    const value = many() ? [...(state.value && state.file_count === "multiple" ? files() : []), ...uploaded]
      : uploaded[0];
    show(value);
    emit("upload", value);
    emit("change", value);
  }

  function show(value) {
    state.value = value;
    list.replaceChildren(...files().map((file, index) => {
      const link = h("a", { href: fileHref(file, true), download: file.orig_name || "" }, file.orig_name || file.path);
      link.addEventListener("click", () => emit("download", undefined, { index, value: file }));
      const name = h("span", { className: "file-name" }, link);
      name.addEventListener("click", () => emit("select", undefined, { index, value: file.orig_name, selected: true }));
      const remove = h("button", { type: "button", className: "file-remove" }, "×");
      remove.setAttribute("aria-label", `Remove ${file.orig_name || "file"}`);
      remove.hidden = state.interactive === false;
      remove.addEventListener("click", () => {
        const rest = files().filter((_, i) => i !== index);
        const next = many() ? (rest.length ? rest : null) : null;
        show(next);
        emit("delete", next, { index, value: file });
        emit("change", next);
      });
      return h("li", {}, name, h("span", { className: "file-size" }, formatSize(file.size)), remove);
    }));
    clear.hidden = files().length === 0 || state.interactive === false;
  }

  input.addEventListener("change", () => send([...input.files]));
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("dragging"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("dragging");
    if (state.interactive !== false) send([...e.dataTransfer.files].slice(0, many() ? undefined : 1));
  });
  clear.addEventListener("click", () => { show(null); emit("clear", null); emit("change", null); });

  function update(patch) {
    Object.assign(state, patch);
    if ("file_count" in patch) {
      input.multiple = state.file_count !== "single";
      input.webkitdirectory = state.file_count === "directory";
    }
    if ("file_types" in patch) input.accept = acceptFor(state.file_types);
    if ("interactive" in patch) drop.hidden = input.disabled = patch.interactive === false;
    if ("height" in patch) list.style.maxHeight = state.height == null ? "" : `${state.height}px`;
    if ("value" in patch || "interactive" in patch) show(state.value);
    labelled.update(patch);
  }

  update(state);
  return { el, update, destroy() {} };
}
