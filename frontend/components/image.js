// Image: the picture (an <img> named by alt_text or the label), its Download / Fullscreen / Clear buttons;
// when interactive, a drop zone (click, drop, paste) and the webcam, uploaded through upload.js.
import { h, field, styles } from "../index.js";
import { uploadShown, fileHref, progressBar } from "../upload.js";

styles("image", `
.image-frame { position: relative; display: inline-block; max-width: 100%; }
.image-frame img { display: block; max-width: 100%; height: auto; cursor: crosshair; }
.image-frame img.fit { width: 100%; height: 100%; object-fit: contain; }
.image-buttons { position: absolute; top: .25rem; right: .25rem; display: flex; gap: .25rem; }
.image-buttons > * { background: var(--background-fill-primary, #fff); border: 1px solid var(--border-color-primary, #ccc);
  border-radius: 4px; padding: 0 .4rem; font: inherit; font-size: .85rem; line-height: 1.6; color: inherit;
  text-decoration: none; cursor: pointer; }
.image-sources { display: flex; gap: .5rem; margin-top: .5rem; }
.image-webcam video { display: block; max-width: 100%; transform: scaleX(-1); }
.image .file-drop { cursor: pointer; white-space: pre-line; }
`);

// The accessible names Gradio gives the same buttons, so scripts and tests written for it find them.
const SOURCE_NAMES = { upload: "Upload file", webcam: "Capture from camera", clipboard: "Paste from clipboard" };

export function render(props, emit) {
  const state = { sources: ["upload", "webcam", "clipboard"], buttons: ["download", "share", "fullscreen"], ...props };
  const input = h("input", { type: "file", accept: "image/*", className: "sr-only" });
  const labelled = field(props, input);
  const el = labelled.el;
  el.classList.add("image");
  const picture = h("img", { alt: "" });
  const download = h("a", { className: "image-download" }, "Download");
  const fullscreen = h("button", { type: "button" }, "Fullscreen");
  const clear = h("button", { type: "button", title: "Remove Image" }, "×");
  clear.setAttribute("aria-label", "Remove Image");
  const frame = h("div", { className: "image-frame" }, picture, h("div", { className: "image-buttons" },
    download, fullscreen, clear));
  const prompt = h("span", {}, "Drop Image Here\n- or -\nClick to Upload");
  const drop = h("div", { className: "file-drop", tabIndex: 0, role: "button" }, prompt);
  drop.setAttribute("aria-label", "Drop an image file here to upload");
  const sources = h("div", { className: "image-sources", role: "group" });
  sources.setAttribute("aria-label", "Image sources");
  const camera = h("div", { className: "image-webcam", hidden: true });
  const bar = progressBar();
  const error = h("p", { className: "file-error", role: "alert" });
  input.remove();
  el.append(frame, drop, input, camera, sources, bar, error);
  let stream = null;

  const editable = () => state.interactive !== false;

  async function send(files, events = ["upload"]) {
    const chosen = [...files].filter((file) => file.type.startsWith("image/") || !file.type);
    if (!chosen.length) return;
    const sent = await uploadShown(chosen.slice(0, 1), bar, error, input);
    if (!sent) return;
    const [uploaded] = sent;
    show(uploaded);
    for (const event of events) emit(event, uploaded);
    emit("input", uploaded);
    emit("change", uploaded);
  }

  function show(value) {
    state.value = value ?? null;
    const href = value ? fileHref(value) : "";
    frame.hidden = !href;
    if (href) picture.src = href;
    else picture.removeAttribute("src");
    download.href = value ? fileHref(value, true) : "";
    download.download = value?.orig_name || "image";
    download.hidden = !state.buttons.includes("download");
    fullscreen.hidden = !state.buttons.includes("fullscreen") || !document.fullscreenEnabled;
    clear.hidden = !editable();
    drop.hidden = !!href || !editable() || !state.sources.includes("upload") || !!stream;
    input.disabled = !editable();
  }

  function showSources() {
    const offered = editable() ? state.sources.filter((s) => SOURCE_NAMES[s]) : [];
    sources.hidden = offered.length < 2 && !offered.includes("webcam") && !offered.includes("clipboard");
    sources.replaceChildren(...offered.map((source) => {
      const button = h("button", { type: "button" }, SOURCE_NAMES[source]);
      button.addEventListener("click", () => choose(source));
      return button;
    }));
  }

  async function choose(source) {
    error.textContent = "";
    if (source === "upload") { stopCamera(); show(state.value); return input.click(); }
    if (source === "clipboard") return paste();
    if (source === "webcam") return startCamera();
  }

  async function paste() {
    try {
      for (const item of await navigator.clipboard.read()) {
        const type = item.types.find((t) => t.startsWith("image/"));
        if (type) return send([new File([await item.getType(type)], `pasted.${type.split("/")[1]}`, { type })]);
      }
      error.textContent = "The clipboard holds no image.";
    } catch (err) {
      error.textContent = `The clipboard could not be read: ${err.message}`;
    }
  }

  async function startCamera() {
    if (stream) return;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    } catch (err) {
      error.textContent = `The webcam could not be opened: ${err.message}`;
      return;
    }
    const video = h("video", { autoplay: true, muted: true, playsInline: true });
    video.srcObject = stream;
    const capture = h("button", { type: "button" }, "Capture");
    capture.addEventListener("click", async () => {
      const canvas = h("canvas", { width: video.videoWidth, height: video.videoHeight });
      const context = canvas.getContext("2d");
      context.translate(canvas.width, 0);
      context.scale(-1, 1); // what the user saw: the mirrored preview
      context.drawImage(video, 0, 0);
      const blob = await new Promise((done) => canvas.toBlob(done, "image/png"));
      stopCamera();
      await send([new File([blob], "webcam.png", { type: "image/png" })]);
    });
    camera.replaceChildren(video, capture);
    camera.hidden = false;
    show(state.value);
  }

  function stopCamera() {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    camera.hidden = true;
    camera.replaceChildren();
  }

  picture.addEventListener("click", (event) => {
    if (!picture.naturalWidth) return;
    const box = picture.getBoundingClientRect();
    const x = Math.floor(((event.clientX - box.left) / box.width) * picture.naturalWidth);
    const y = Math.floor(((event.clientY - box.top) / box.height) * picture.naturalHeight);
    emit("select", undefined, { index: [x, y], value: null, selected: true });
  });
  fullscreen.addEventListener("click", () => frame.requestFullscreen?.());
  clear.addEventListener("click", () => { show(null); emit("clear", null); emit("input", null); emit("change", null); });
  input.addEventListener("change", () => send(input.files));
  drop.addEventListener("click", () => input.click());
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("dragging"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("dragging");
    if (editable()) send(e.dataTransfer.files);
  });
  el.addEventListener("paste", (e) => {
    if (editable() && state.sources.includes("clipboard") && e.clipboardData?.files.length) {
      e.preventDefault();
      send(e.clipboardData.files);
    }
  });

  function update(patch) {
    Object.assign(state, patch);
    if ("label" in patch || "alt_text" in patch) picture.alt = state.alt_text ?? state.label ?? "";
    if ("placeholder" in patch) prompt.textContent = state.placeholder ?? "Drop Image Here\n- or -\nClick to Upload";
    if ("height" in patch || "width" in patch) {
      const size = (v) => (v == null ? "" : typeof v === "number" ? `${v}px` : v);
      frame.style.height = size(state.height);
      frame.style.width = size(state.width);
      picture.classList.toggle("fit", state.height != null || state.width != null);
    }
    if ("sources" in patch || "interactive" in patch) showSources();
    if (["value", "interactive", "buttons", "sources"].some((k) => k in patch)) show(state.value);
    labelled.update(patch);
  }

  update(state);
  return { el, update, destroy: stopCamera };
}
