// Model3D: a three.js viewer (.glb, .gltf, .obj, .stl; frontend/model3dviewer.js, imported only when there
// is a model to show) above a download link; as an input, a drop zone.
import { h, field } from "../index.js";
import { uploadShown, fileHref, progressBar } from "../upload.js";

export function render(props, emit) {
  const state = { ...props };
  const input = h("input", { type: "file", accept: ".glb,.gltf,.obj,.stl,.splat,.ply" });
  const drop = h("div", { className: "file-drop" }, h("span", {}, "Drop a 3D model here or "), input);
  const note = h("p", { className: "model3d-note" }, "3D preview not supported for this file type.");
  const stage = h("div", { className: "model3d-stage" });
  let viewer = null;
  const link = h("a", { className: "model3d-link" });
  const clear = h("button", { type: "button" }, "Clear");
  const bar = progressBar();
  const error = h("p", { className: "file-error", role: "alert" });
  const labelled = field(props, input);
  const el = labelled.el;
  el.classList.add("model3d");
  drop.append(input); // field() took it out of the drop zone
  el.append(drop, bar, error, stage, link, note, clear);

  async function show(value) {
    viewer?.destroy();
    viewer = null;
    stage.replaceChildren();
    note.hidden = true;
    if (!value) return;
    const name = value.orig_name || value.path || "";
    try {
      const { view, viewable } = await import("../model3dviewer.js");
      if (!viewable(name)) { note.hidden = false; return; }
      if (state.value !== value) return;
      viewer = await view(stage, fileHref(value), name, state);
    } catch (err) {
      error.textContent = `The model could not be shown: ${err.message}`;
    }
  }

  function set(value) {
    const changed = value !== state.value || (value && !viewer);
    state.value = value;
    if (changed) show(value);
    link.textContent = value ? value.orig_name || "model" : "";
    link.href = value ? fileHref(value, true) : "";
    link.download = value?.orig_name || "";
    const editable = state.interactive !== false;
    link.hidden = !value;
    drop.hidden = !editable || !!value;
    clear.hidden = !editable || !value;
  }

  input.addEventListener("change", async () => {
    if (!input.files.length) return;
    const uploaded = await uploadShown([...input.files], bar, error, input);
    if (!uploaded) return;
    const [value] = uploaded;
    set(value);
    emit("upload", value);
    emit("change", value);
  });
  clear.addEventListener("click", () => { set(null); emit("clear", null); emit("change", null); });

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch || "interactive" in patch) set(state.value);
    labelled.update(patch);
  }

  update(state);
  return { el, update, destroy() { viewer?.destroy(); } };
}
