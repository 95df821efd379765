// UploadButton: a <button> opening a hidden <input type=file>; the chosen files are uploaded, then "upload" and "change" fire.
import { h } from "../index.js";
import { look } from "./button.js";
import { uploadShown, acceptFor, progressBar } from "../upload.js";

export function render(props, emit) {
  const state = { variant: "secondary", size: "lg", file_count: "single", ...props };
  const button = h("button", { type: "button" });
  const input = h("input", { type: "file", hidden: true, tabIndex: -1 });
  input.setAttribute("aria-hidden", "true");
  const bar = progressBar();
  const error = h("span", { className: "file-error", role: "alert" });
  const el = h("div", { className: "uploadbutton" }, button, input, bar, error);

  button.addEventListener("click", () => {
    emit("click");
    input.click();
  });
  input.addEventListener("change", async () => {
    const chosen = [...input.files];
    if (!chosen.length) return;
    const uploaded = await uploadShown(chosen, bar, error, input);
    if (!uploaded) return;
    state.value = state.file_count === "single" ? uploaded[0] : uploaded;
    emit("upload", state.value);
    emit("change", state.value);
  });

  function update(patch) {
    Object.assign(state, patch);
    if ("label" in patch) button.textContent = state.label ?? "";
    if ("variant" in patch || "size" in patch) look(button, state);
    if ("file_count" in patch) {
      input.multiple = state.file_count !== "single";
      input.webkitdirectory = state.file_count === "directory";
    }
    if ("file_types" in patch) input.accept = acceptFor(state.file_types);
    if ("interactive" in patch) button.disabled = patch.interactive === false;
  }

  update(state);
  return { el, update, destroy() {} };
}
