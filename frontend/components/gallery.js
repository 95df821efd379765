// Gallery: a grid of <figure>s (image or video, <figcaption>), a preview with Previous/Next/Close and arrow keys.
import { h, field, styles } from "../index.js";
import { uploadShown, fileHref, acceptFor, progressBar } from "../upload.js";

styles("gallery", `
.gallery-grid { display: grid; gap: .5rem; overflow: auto; }
.gallery-grid figure, .gallery-preview figure { margin: 0; display: flex; flex-direction: column; }
.gallery-grid button.gallery-item { padding: 0; border: 1px solid var(--border-color-primary, #ddd); border-radius: 6px; background: none; cursor: pointer; aspect-ratio: 1; overflow: hidden; }
.gallery-grid button.gallery-item[aria-current="true"] { outline: 2px solid var(--color-accent, #f97316); }
.gallery-grid img, .gallery-grid video { width: 100%; height: 100%; object-fit: cover; display: block; }
.gallery-preview img, .gallery-preview video { max-width: 100%; max-height: 60vh; object-fit: contain; }
.gallery-preview nav { display: flex; gap: .5rem; }
figcaption { font-size: .9em; text-align: center; }
`);

export function render(props, emit) {
  const state = { value: [], columns: 2, allow_preview: true, ...props };
  const input = h("input", { type: "file", multiple: true });
  const labelled = field(props, input);
  const el = labelled.el;
  el.classList.add("gallery");
  const bar = progressBar();
  const error = h("p", { className: "file-error", role: "alert" });
  const grid = h("div", { className: "gallery-grid", role: "list" });
  const shown = h("figure", {});
  const prev = h("button", { type: "button" }, "Previous");
  const next = h("button", { type: "button" }, "Next");
  const close = h("button", { type: "button" }, "Close");
  const download = h("a", { className: "gallery-download" }, "Download");
  const fullscreen = h("button", { type: "button" }, "Fullscreen");
  const preview = h("div", { className: "gallery-preview", tabIndex: 0, hidden: true }, shown,
    h("nav", {}, prev, next, download, fullscreen, close));
  fullscreen.addEventListener("click", () => (document.fullscreenElement ? document.exitFullscreen() : preview.requestFullscreen?.()));
  preview.setAttribute("role", "region");
  preview.setAttribute("aria-label", "Preview");
  el.append(bar, error, preview, grid);
  let open = null; // the previewed index, or null
  let mounted = false;

  const items = () => state.value || [];
  const caption = (item) => item.caption ?? "";
  function media(item, big) {
    const file = item.video || item.image;
    const fit = { style: state.object_fit ? `object-fit: ${state.object_fit}` : "" };
    if (item.video) return h("video", { src: fileHref(file), controls: big, muted: !big, ...fit });
    return h("img", { src: fileHref(file), alt: caption(item) || file.orig_name || "", ...fit });
  }
  const pick = (index) => emit("select", undefined, { index, value: items()[index], selected: true });

  function showPreview(index) {
    const item = items()[index];
    if (!item || !state.allow_preview) return closePreview(false);
    const first = open === null;
    open = index;
    const text = caption(item);
    shown.replaceChildren(media(item, true), ...(text ? [h("figcaption", {}, text)] : []));
    const file = item.video || item.image;
    download.href = fileHref(file, true);
    download.download = file.orig_name || "";
    preview.hidden = false;
    grid.querySelectorAll("button.gallery-item").forEach((b, i) => b.setAttribute("aria-current", String(i === index)));
    if (first && mounted) { preview.focus(); emit("preview_open"); } // not for a gallery that starts open
  }
  function closePreview(report = true) {
    if (open === null) return;
    open = null;
    preview.hidden = true;
    if (report) emit("preview_close");
  }
  function step(by) {
    if (open === null || !items().length) return;
    const index = (open + by + items().length) % items().length;
    showPreview(index);
    pick(index);
  }
  prev.addEventListener("click", () => step(-1));
  next.addEventListener("click", () => step(1));
  close.addEventListener("click", () => closePreview());
  preview.addEventListener("keydown", (e) => {
    if (e.key === "ArrowLeft") step(-1);
    else if (e.key === "ArrowRight") step(1);
    else if (e.key === "Escape") closePreview();
    else return;
    e.preventDefault();
  });

  function setValue(value, report) {
    state.value = value || [];
    grid.replaceChildren(...items().map((item, index) => {
      const text = caption(item);
      const button = h("button", { type: "button", className: "gallery-item" }, media(item, false));
      button.setAttribute("aria-label", `Thumbnail ${index + 1} of ${items().length}`); // Gradio's name
      button.addEventListener("click", () => { pick(index); showPreview(index); });
      const remove = h("button", { type: "button", hidden: state.interactive !== true }, "×");
      remove.setAttribute("aria-label", "Delete image");
      remove.addEventListener("click", () => {
        const rest = items().filter((_, i) => i !== index);
        closePreview(false);
        setValue(rest, false);
        emit("delete", rest, { index, value: item });
        emit("change", rest);
      });
      const figure = h("figure", { role: "listitem" }, button, ...(text ? [h("figcaption", {}, text)] : []), remove);
      return figure;
    }));
    if (open !== null) (open < items().length ? showPreview(open) : closePreview(false));
    if (report) emit("change", state.value);
  }

  input.addEventListener("change", async () => {
    if (!input.files.length) return;
    const uploaded = await uploadShown([...input.files], bar, error, input);
    if (!uploaded) return;
    const added = uploaded.map((f) => ((f.mime_type || "").startsWith("video/") ? { video: f, caption: null } : { image: f, caption: null }));
    setValue([...items(), ...added], false);
    emit("upload", state.value);
    emit("change", state.value);
  });

  function update(patch) {
    Object.assign(state, patch);
    if ("columns" in patch || "fit_columns" in patch || "value" in patch) {
      const columns = state.columns || 2; // fit_columns: fewer items than columns share the whole width
      grid.style.gridTemplateColumns = `repeat(${state.fit_columns === false ? columns : Math.max(1, Math.min(columns, items().length))}, minmax(0, 1fr))`;
    }
    if ("height" in patch) grid.style.maxHeight = state.height == null || state.height === "auto" ? ""
      : typeof state.height === "number" ? `${state.height}px` : state.height;
    if ("file_types" in patch) input.accept = acceptFor(state.file_types || ["image", "video"]);
    if ("interactive" in patch) input.hidden = input.disabled = state.interactive !== true;
    if ("value" in patch || "interactive" in patch || "object_fit" in patch) setValue(state.value, false);
    if ("sources" in patch) { /* only "upload" is offered (the server warns about the others) */ }
    if ("allow_preview" in patch && !state.allow_preview) closePreview(false);
    if ("buttons" in patch) {
      download.hidden = !(state.buttons || []).includes("download");
      fullscreen.hidden = !(state.buttons || []).includes("fullscreen");
    }
    if ("selected_index" in patch) state.selected_index == null ? closePreview(false) : showPreview(state.selected_index);
    if ("preview" in patch && state.preview && open === null && "value" in patch) showPreview(0);
    labelled.update(patch);
  }

  update(state);
  mounted = true;
  return { el, update, destroy() {} };
}
