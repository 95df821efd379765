// ImageEditor: upload a background, draw on layers (brush, eraser), crop; each change uploads the layers and
// the composite as PNGs and sends {background, layers, composite}. The drawing model is ../editor_canvas.js.
import { h, field, styles } from "../index.js";
import { upload, fileHref, progressBar } from "../upload.js";
import { createCanvas, loadImage, pngFile } from "../editor_canvas.js";

styles("imageeditor", `
.editor-canvas { max-width: 100%; border: 1px solid var(--border-color-primary, #ddd); touch-action: none; background: repeating-conic-gradient(#eee 0 25%, #fff 0 50%) 0 0 / 16px 16px; }
.editor-tools, .editor-layers { display: flex; flex-wrap: wrap; gap: .25rem; align-items: center; list-style: none; padding: 0; margin: .25rem 0; }
.editor-tools button[aria-pressed="true"], .editor-layers button[aria-pressed="true"] { outline: 2px solid var(--color-accent, #f97316); }
.editor-swatch { width: 1.5rem; height: 1.5rem; border-radius: 50%; border: 1px solid #999; }
.editor-tools input[type=color] { width: 2rem; height: 2rem; padding: 0; }
`);

export function render(props, emit) {
  const state = { ...props };
  const input = h("input", { type: "file", accept: "image/*" });
  const labelled = field(props, input);
  const el = labelled.el;
  el.classList.add("imageeditor");
  const display = h("canvas", { className: "editor-canvas" });
  display.setAttribute("role", "img");
  display.setAttribute("aria-label", "Canvas");
  const model = createCanvas(display, props.canvas_size || [800, 800]);
  const tools = h("div", { className: "editor-tools", role: "toolbar", "aria-label": "Tools" });
  const layerList = h("ul", { className: "editor-layers" });
  layerList.setAttribute("aria-label", "Layers");
  const placeholder = h("p", { className: "editor-placeholder" });
  const bar = progressBar();
  const error = h("p", { className: "file-error", role: "alert" });
  el.append(placeholder, tools, display, layerList, bar, error);
  const pick = { tool: "brush", color: null, alpha: 1, size: null };
  let bgFile = null, bgDirty = false, pending = Promise.resolve();
  // Gradio's "Show Layers" menu: the layer list opens under it.
  const layersToggle = h("button", { type: "button", "aria-expanded": "false" }, "Show Layers");
  layersToggle.addEventListener("click", () => {
    layersToggle.setAttribute("aria-expanded", String(layersToggle.getAttribute("aria-expanded") !== "true"));
    drawLayers();
  });

  const button = (name, onClick, extra = {}) => {
    const b = h("button", { type: "button", ...extra }, name);
    b.addEventListener("click", onClick);
    return b;
  };
  const autoSize = () => Math.max(1, Math.round(Math.min(model.width, model.height) / 50));
  const radius = () => {
    const given = (pick.tool === "eraser" ? state.eraser : state.brush)?.default_size;
    return pick.size ?? (typeof given === "number" ? given : autoSize());
  };
  const interactive = () => state.interactive !== false;

  function drawTools() {
    const brush = state.brush, crop = (state.transforms || []).includes("crop");
    const choose = (tool) => () => { pick.tool = tool; model.crop = null; model.redraw(); drawTools(); };
    const items = [];
    if (brush) items.push(button("Brush", choose("brush"), { "aria-pressed": String(pick.tool === "brush") }));
    if (state.eraser) items.push(button("Erase", choose("eraser"), { "aria-pressed": String(pick.tool === "eraser") }));
    if (crop) items.push(button("Crop", choose("crop"), { "aria-pressed": String(pick.tool === "crop") }));
    if (crop && pick.tool === "crop") items.push(button("Apply crop", () => { if (model.applyCrop()) { bgDirty = true; drawTools(); emit("apply"); commit(); } }));
    if (brush && pick.tool === "brush") {
      const colors = Array.isArray(brush.colors) ? brush.colors : [brush.colors];
      for (const color of colors) {
        const [css, alpha] = Array.isArray(color) ? color : [color, 1];
        const swatch = button("", () => { pick.color = css; pick.alpha = alpha; drawTools(); },
          { className: "editor-swatch", style: `background: ${css}`, "aria-pressed": String((pick.color ?? brush.default_color) === css) });
        swatch.setAttribute("aria-label", `Color ${css}`);
        items.push(swatch);
      }
      if (brush.color_mode !== "fixed") {
        const picker = h("input", { type: "color" });
        picker.setAttribute("aria-label", "Brush color");
        picker.addEventListener("input", () => { pick.color = picker.value; pick.alpha = 1; });
        items.push(picker);
      }
    }
    if (pick.tool !== "crop" && (brush || state.eraser)) {
      const size = h("input", { type: "range", min: 1, max: 100, value: radius() });
      size.setAttribute("aria-label", pick.tool === "eraser" ? "Eraser size" : "Brush size");
      size.addEventListener("input", () => (pick.size = Number(size.value)));
      items.push(size);
    }
    const step = (go) => () => { if (go()) { bgDirty = true; drawLayers(); drawTools(); commit(); } };
    items.push(button("Undo", step(model.undo), { disabled: !model.canUndo() }),
      button("Redo", step(model.redo), { disabled: !model.canRedo() }));
    items.push(button("Clear canvas", () => { setValue(null); emit("clear"); emit("change", null); }));
    if ((state.sources || []).includes("upload")) items.push(button("Upload", () => input.click()));
    if ((state.sources || []).includes("clipboard")) items.push(button("Paste", pasteFromClipboard));
    items.push(layersToggle);
    tools.replaceChildren(...items);
    tools.hidden = !interactive();
  }

  function drawLayers() {
    const options = state.layers || {};
    const rows = model.layers.map((layer, index) => {
      const show = h("input", { type: "checkbox", checked: layer.visible });
      show.setAttribute("aria-label", `Show ${layer.name}`);
      show.addEventListener("change", () => { layer.visible = show.checked; model.redraw(); commit(); });
      const select = button(layer.name, () => { model.current = index; drawLayers(); }, { "aria-pressed": String(index === model.current) });
      return h("li", {}, select, show);
    });
    if (options.allow_additional_layers !== false && interactive()) {
      rows.push(h("li", {}, button("Add Layer", () => { model.addLayer(`Layer ${model.layers.length + 1}`); drawLayers(); commit(); })));
    }
    layerList.replaceChildren(...rows);
    layersToggle.hidden = options.disabled === true;
    layerList.hidden = options.disabled === true || layersToggle.getAttribute("aria-expanded") !== "true";
  }

  display.addEventListener("pointerdown", (event) => {
    if (!interactive() || event.button !== 0) return;
    display.setPointerCapture?.(event.pointerId);
    const start = model.point(event);
    let move;
    if (pick.tool === "crop") {
      model.crop = { x0: start[0], y0: start[1], x1: start[0], y1: start[1] };
      move = ([x, y]) => { Object.assign(model.crop, { x1: x, y1: y }); model.redraw(); };
    } else {
      const color = pick.color ?? state.brush?.default_color ?? "#000";
      move = model.startStroke(start, { color: Array.isArray(color) ? color[0] : color, alpha: pick.alpha, radius: radius(), erase: pick.tool === "eraser" });
    }
    if (!move) return;
    const onMove = (e) => move(model.point(e));
    const onUp = () => {
      display.removeEventListener("pointermove", onMove);
      display.removeEventListener("pointerup", onUp);
      if (pick.tool !== "crop") { drawTools(); commit(); }
    };
    display.addEventListener("pointermove", onMove);
    display.addEventListener("pointerup", onUp);
  });

  // Upload what the page drew (the layers, the composite, a cropped background), then send the value.
  function commit(events = ["input", "change"]) {
    el.setAttribute("aria-busy", "true");
    pending = pending.then(async () => {
      const files = [await pngFile(model.composite(), "composite.png")];
      for (const [i, layer] of model.layers.entries()) files.push(await pngFile(layer.canvas, `layer_${i}.png`));
      const sendBg = model.hasBackground && (bgDirty || !bgFile);
      if (sendBg) files.push(await pngFile(model.background, "background.png"));
      const [composite, ...rest] = await upload(files);
      if (sendBg) { bgFile = rest.pop(); bgDirty = false; }
      state.value = { background: model.hasBackground ? bgFile : null, layers: rest, composite, id: null };
      for (const name of events) emit(name, state.value);
    }).catch((err) => { error.textContent = err.message; }).finally(() => el.removeAttribute("aria-busy"));
    return pending;
  }

  async function useBackground(file) {
    error.textContent = "";
    bar.hidden = false;
    try {
      [bgFile] = await upload([file], (done) => (bar.value = done));
      model.setBackground(await loadImage(fileHref(bgFile)), state.fixed_canvas);
      bgDirty = false;
      showPlaceholder();
      drawLayers();
      await commit(["upload", "input", "change"]);
    } catch (err) {
      error.textContent = err.message;
    } finally {
      bar.hidden = true;
      input.value = "";
    }
  }
  input.addEventListener("change", () => input.files[0] && useBackground(input.files[0]));
  el.addEventListener("paste", (event) => {
    const file = [...(event.clipboardData?.files || [])].find((f) => f.type.startsWith("image/"));
    if (file && interactive() && (state.sources || []).includes("clipboard")) useBackground(file);
  });

  // The Paste button reads an image from the clipboard (the browser asks the user for permission).
  async function pasteFromClipboard() {
    try {
      for (const item of await navigator.clipboard.read()) {
        const type = item.types.find((t) => t.startsWith("image/"));
        if (type) return useBackground(new File([await item.getType(type)], `pasted.${type.split("/")[1]}`, { type }));
      }
      error.textContent = "There is no image in the clipboard.";
    } catch (err) {
      error.textContent = `The clipboard cannot be read: ${err.message}`;
    }
  }

  // A value from the server: draw its background (or composite) and layers.
  async function setValue(value) {
    state.value = value;
    const names = (state.layers?.layers || ["Layer 1"]);
    model.reset(state.canvas_size || [800, 800], value?.layers?.length ? [] : names);
    bgFile = null;
    try {
      const base = value?.background || (!value?.layers?.length ? value?.composite : null);
      if (base) { bgFile = base; model.setBackground(await loadImage(fileHref(base)), state.fixed_canvas); }
      for (const [i, layer] of (value?.layers || []).entries()) model.addLayer(names[i] || `Layer ${i + 1}`, await loadImage(fileHref(layer)));
      if (!model.layers.length) model.addLayer(names[0]);
      model.current = 0;
      model.redraw();
    } catch (err) {
      error.textContent = err.message;
    }
    drawLayers();
    drawTools();
    showPlaceholder();
  }
  function showPlaceholder() {
    placeholder.textContent = state.placeholder || "Upload an image or select the draw tool to start";
    placeholder.hidden = model.hasBackground || !interactive();
  }

  function update(patch) {
    Object.assign(state, patch);
    if ("height" in patch || "width" in patch) {
      const css = (v) => (v == null ? "" : typeof v === "number" ? `${v}px` : v);
      display.style.maxHeight = css(state.height);
      display.style.maxWidth = css(state.width) || "100%";
    }
    // The labelled file input stays out of sight: the Upload button opens it (and set_input_files finds it).
    input.hidden = true;
    if ("interactive" in patch || "sources" in patch) input.disabled = !interactive() || !(state.sources || []).includes("upload");
    if ("value" in patch || "canvas_size" in patch || "layers" in patch) setValue(state.value);
    if ("placeholder" in patch) showPlaceholder();
    if ("brush" in patch || "eraser" in patch || "transforms" in patch || "interactive" in patch) { drawTools(); drawLayers(); }
    labelled.update(patch);
  }

  update(state);
  return { el, update, destroy() {} };
}
