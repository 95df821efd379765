// ImageSlider: two images stacked, the first shown left of a divider and the second right of it. The
// divider is a role=slider (arrow keys, Home/End, PageUp/PageDown) and follows the pointer when dragged;
// when interactive, each image can be uploaded (upload.js) and both cleared.
import { h, styles } from "../index.js";
import { uploadShown, fileHref, progressBar } from "../upload.js";

styles("imageslider", `
.is-frame { position: relative; display: inline-block; max-width: 100%; line-height: 0; touch-action: none; user-select: none; }
.is-frame img { display: block; max-width: 100%; pointer-events: none; }
.is-frame img.is-after { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
.is-divider { position: absolute; top: 0; bottom: 0; width: 4px; margin-left: -2px; background: #fff; cursor: ew-resize;
  box-shadow: 0 0 3px rgb(0 0 0 / .6); }
.is-divider:focus-visible { outline: 2px solid var(--color-accent, #f97316); }
.is-uploads { display: flex; gap: 1rem; flex-wrap: wrap; margin-top: 6px; line-height: normal; }
.is-error { color: var(--error-text-color, #b91c1c); }
.is-error:empty { display: none; }
`);

const clamp = (value) => Math.min(100, Math.max(0, value));
const size = (value) => (value == null ? "" : typeof value === "number" ? `${value}px` : value);

export function render(props, emit) {
  const state = { slider_position: 50, max_height: 500, ...props };
  const label = h("span", { className: "label" });
  const before = h("img", { className: "is-before", alt: "Before" });
  const after = h("img", { className: "is-after", alt: "After" });
  const divider = h("div", { className: "is-divider", role: "slider", tabIndex: 0, "aria-valuemin": "0",
    "aria-valuemax": "100", "aria-label": "Divider position" });
  const frame = h("div", { className: "is-frame" }, before, after, divider);
  const inputs = [0, 1].map(() => h("input", { type: "file", accept: "image/*" }));
  const names = ["Before image", "After image"];
  const pickers = inputs.map((input, i) => h("label", {}, `${names[i]} `, input));
  const clear = h("button", { type: "button" }, "Clear");
  const bar = progressBar();
  const error = h("p", { className: "is-error", role: "alert" });
  const uploads = h("div", { className: "is-uploads" }, ...pickers, clear);
  const el = h("div", { className: "field imageslider" }, label, frame, uploads, bar, error);
  let position = state.slider_position;

  function move(next) {
    position = clamp(Math.round(next * 100) / 100);
    divider.style.left = `${position}%`;
    after.style.clipPath = `inset(0 0 0 ${position}%)`;
    divider.setAttribute("aria-valuenow", String(position));
    divider.setAttribute("aria-valuetext", `${position}%`);
  }

  const KEYS = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };
  divider.addEventListener("keydown", (event) => {
    if (event.key === "Home" || event.key === "End") move(event.key === "Home" ? 0 : 100);
    else if (event.key in KEYS) move(position + KEYS[event.key] * (event.shiftKey ? 10 : 1));
    else return;
    event.preventDefault();
  });
  const follow = (event) => {
    const box = frame.getBoundingClientRect();
    if (box.width) move(((event.clientX - box.left) / box.width) * 100);
  };
  frame.addEventListener("pointerdown", (event) => {
    frame.setPointerCapture?.(event.pointerId);
    divider.focus();
    follow(event);
    const stop = () => { frame.removeEventListener("pointermove", follow); frame.removeEventListener("pointerup", stop); };
    frame.addEventListener("pointermove", follow);
    frame.addEventListener("pointerup", stop);
  });

  inputs.forEach((input, slot) => input.addEventListener("change", async () => {
    if (!input.files.length) return;
    const uploaded = await uploadShown([input.files[0]], bar, error, input);
    if (!uploaded) return;
    const [file] = uploaded;
    const value = [...(state.value ?? [null, null])];
    value[slot] = file;
    show(value);
    for (const name of ["upload", "input", "change"]) emit(name, value);
  }));
  clear.addEventListener("click", () => { show(null); for (const name of ["clear", "input", "change"]) emit(name, null); });

  function show(value) {
    state.value = value;
    const [first, second] = value ?? [null, null];
    before.src = first ? fileHref(first) : "";
    after.src = second ? fileHref(second) : "";
    before.hidden = !first;
    after.hidden = !second;
    after.style.position = first ? "" : "static";
    divider.hidden = !(first && second);
    clear.hidden = state.interactive === false || value == null;
  }

  function update(patch) {
    Object.assign(state, patch);
    if ("slider_position" in patch) move(Number(state.slider_position));
    if ("max_height" in patch || "height" in patch || "width" in patch) {
      before.style.maxHeight = size(state.height ?? state.max_height);
      before.style.maxWidth = size(state.width) || "100%";
    }
    if ("interactive" in patch) uploads.hidden = state.interactive === false;
    if ("value" in patch || "interactive" in patch) show(state.value);
    if ("format" in patch || "label" in patch || "show_label" in patch) {
      label.textContent = state.label ?? "";
      label.classList.toggle("sr-only", state.show_label === false);
      frame.setAttribute("aria-label", state.label ?? "Image slider");
    }
  }

  update(state);
  return { el, update, destroy() {} };
}
