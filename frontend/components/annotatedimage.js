// AnnotatedImage: the base image with each annotation (a translucent PNG from the server) laid over it,
// and a legend of buttons; hovering or focusing an entry highlights its annotation, clicking it (or the
// annotation in the image) fires select with the annotation's index and label.
import { h, styles } from "../index.js";
import { fileHref } from "../upload.js";

styles("annotatedimage", `
.ai-frame { position: relative; display: inline-block; max-width: 100%; line-height: 0; }
.ai-frame > img { display: block; max-width: 100%; }
.ai-frame > img.ai-mask { position: absolute; inset: 0; width: 100%; height: 100%; opacity: .65; transition: opacity .15s; }
.ai-frame.ai-focus > img.ai-mask { opacity: .1; }
.ai-frame.ai-focus > img.ai-mask.ai-active { opacity: 1; }
.ai-legend { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.ai-legend button { border: 0; border-radius: 4px; padding: 2px 8px; color: #fff; cursor: pointer; background: var(--ai-color); }
.ai-empty { color: var(--body-text-color-subdued, #666); }
`);

const size = (value) => (value == null ? "" : typeof value === "number" ? `${value}px` : value);

/** The topmost annotation whose mask is not transparent at the clicked point, or -1. */
function hitTest(masks, event) {
  for (let i = masks.length - 1; i >= 0; i -= 1) {
    const mask = masks[i];
    if (!mask.naturalWidth) continue;
    const box = mask.getBoundingClientRect();
    const x = Math.floor(((event.clientX - box.left) / box.width) * mask.naturalWidth);
    const y = Math.floor(((event.clientY - box.top) / box.height) * mask.naturalHeight);
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d");
    context.drawImage(mask, x, y, 1, 1, 0, 0, 1, 1);
    if (context.getImageData(0, 0, 1, 1).data[3] > 0) return i;
  }
  return -1;
}

export function render(props, emit) {
  const state = { show_legend: true, ...props };
  const label = h("span", { className: "label" });
  const frame = h("div", { className: "ai-frame" });
  const legend = h("div", { className: "ai-legend", role: "group", "aria-label": "Legend" });
  const empty = h("p", { className: "ai-empty" }, "No image");
  const el = h("div", { className: "field annotatedimage" }, label, empty, frame, legend);
  let masks = [];

  const select = (index) => {
    const annotation = state.value?.annotations?.[index];
    if (annotation) emit("select", undefined, { index, value: annotation.label, selected: true });
  };
  const highlight = (index) => {
    frame.classList.toggle("ai-focus", index >= 0);
    masks.forEach((mask, i) => mask.classList.toggle("ai-active", i === index));
  };
  frame.addEventListener("click", (event) => {
    const index = hitTest(masks, event);
    if (index >= 0) select(index);
  });

  function show() {
    const value = state.value;
    empty.hidden = value != null;
    frame.hidden = value == null;
    const annotations = value?.annotations ?? [];
    const base = h("img", { src: value ? fileHref(value.image) : "", alt: state.label || "Annotated image" });
    base.style.maxHeight = size(state.height);
    base.style.maxWidth = size(state.width) || "100%";
    masks = annotations.map((a) => h("img", { className: "ai-mask", src: fileHref(a.image), alt: a.label }));
    frame.replaceChildren(base, ...masks);
    legend.replaceChildren(...annotations.map((a, index) => {
      const entry = h("button", { type: "button" }, a.label);
      entry.style.setProperty("--ai-color", a.color || "#ef4444");
      entry.addEventListener("mouseenter", () => highlight(index));
      entry.addEventListener("focus", () => highlight(index));
      entry.addEventListener("mouseleave", () => highlight(-1));
      entry.addEventListener("blur", () => highlight(-1));
      entry.addEventListener("click", () => select(index));
      return entry;
    }));
    legend.hidden = state.show_legend === false || annotations.length === 0;
  }

  function update(patch) {
    Object.assign(state, patch);
    if (["value", "height", "width", "show_legend", "color_map", "format", "label"].some((k) => k in patch)) show();
    label.textContent = state.label ?? "";
    label.classList.toggle("sr-only", state.show_label === false);
  }

  update(state);
  return { el, update, destroy() {} };
}
