// The drawing model behind imageeditor.js: a background and layers as offscreen canvases of one size,
// shown composited on one visible <canvas>; strokes (brush, eraser) on the current layer; crop.

function blank(width, height) {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** Load an image from a URL (same origin, so the canvas stays exportable). */
export function loadImage(src) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`cannot load the image ${src}`));
    img.src = src;
  });
}

export function createCanvas(display, [width, height]) {
  const model = { width, height, background: blank(width, height), hasBackground: false, layers: [], current: 0,
    crop: null };
  const ctx = display.getContext("2d");

  model.setSize = (w, h) => {
    model.width = display.width = w;
    model.height = display.height = h;
  };
  model.reset = (size, names) => {
    model.setSize(size[0], size[1]);
    model.background = blank(size[0], size[1]);
    model.hasBackground = false;
    model.layers = [];
    names.forEach((name) => model.addLayer(name));
    model.current = 0;
    model.crop = null;
    model.forget();
    model.redraw();
  };
  model.addLayer = (name, image = null) => {
    const canvas = blank(model.width, model.height);
    if (image) canvas.getContext("2d").drawImage(image, 0, 0, model.width, model.height);
    model.layers.push({ name, canvas, visible: true });
    model.current = model.layers.length - 1;
    return model.layers.at(-1);
  };
  // A background image: the canvas takes its size, or (fixed) keeps its size with the image fitted, centered.
  model.setBackground = (img, fixed) => {
    if (!fixed) model.setSize(img.naturalWidth || img.width, img.naturalHeight || img.height);
    const bg = blank(model.width, model.height);
    const scale = fixed ? Math.min(model.width / img.width, model.height / img.height) : 1;
    const w = img.width * scale, h = img.height * scale;
    bg.getContext("2d").drawImage(img, (model.width - w) / 2, (model.height - h) / 2, w, h);
    model.background = bg;
    model.hasBackground = true;
    model.layers = model.layers.map((l) => ({ ...l, canvas: resized(l.canvas) }));
    model.forget();
    model.redraw();
  };
  const resized = (canvas) => {
    if (canvas.width === model.width && canvas.height === model.height) return canvas;
    return blank(model.width, model.height);
  };
  model.composite = () => {
    const out = blank(model.width, model.height);
    const c = out.getContext("2d");
    c.drawImage(model.background, 0, 0);
    for (const layer of model.layers) if (layer.visible) c.drawImage(layer.canvas, 0, 0);
    return out;
  };
  model.redraw = () => {
    ctx.clearRect(0, 0, model.width, model.height);
    ctx.drawImage(model.composite(), 0, 0);
    if (model.crop) {
      const { x, y, w, h } = normal(model.crop);
      ctx.save();
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = Math.max(1, model.width / 400);
      ctx.strokeStyle = "#f97316";
      ctx.strokeRect(x, y, w, h);
      ctx.restore();
    }
  };
  // The point of a pointer event in canvas pixels.
  model.point = (event) => {
    const rect = display.getBoundingClientRect();
    return [(event.clientX - rect.left) * (model.width / rect.width), (event.clientY - rect.top) * (model.height / rect.height)];
  };
  model.startStroke = ([x, y], { color, alpha = 1, radius, erase }) => {
    const layer = model.layers[model.current];
    if (!layer) return null;
    model.remember();
    const c = layer.canvas.getContext("2d");
    Object.assign(c, { lineWidth: radius * 2, lineCap: "round", lineJoin: "round", strokeStyle: color,
      globalAlpha: alpha, globalCompositeOperation: erase ? "destination-out" : "source-over" });
    c.beginPath();
    c.moveTo(x, y);
    c.lineTo(x, y);
    c.stroke();
    model.redraw();
    return ([nx, ny]) => { c.lineTo(nx, ny); c.stroke(); model.redraw(); };
  };
  // Undo / redo: copies of the background and layers taken before each change (at most 30 kept).
  const history = { back: [], forward: [] };
  const copy = (canvas) => { const out = blank(canvas.width, canvas.height); out.getContext("2d").drawImage(canvas, 0, 0); return out; };
  const state = () => ({ width: model.width, height: model.height, background: copy(model.background),
    layers: model.layers.map((l) => ({ ...l, canvas: copy(l.canvas) })), current: model.current });
  const restore = (saved) => {
    model.setSize(saved.width, saved.height);
    Object.assign(model, { background: saved.background, layers: saved.layers, current: saved.current });
    model.redraw();
  };
  model.remember = () => { history.back.push(state()); history.back.splice(0, history.back.length - 30); history.forward = []; };
  model.forget = () => { history.back = []; history.forward = []; };
  model.canUndo = () => history.back.length > 0;
  model.canRedo = () => history.forward.length > 0;
  model.undo = () => { if (!history.back.length) return false; history.forward.push(state()); restore(history.back.pop()); return true; };
  model.redo = () => { if (!history.forward.length) return false; history.back.push(state()); restore(history.forward.pop()); return true; };
  model.applyCrop = () => {
    if (!model.crop) return false;
    const { x, y, w, h } = normal(model.crop);
    model.crop = null;
    if (w < 1 || h < 1) { model.redraw(); return false; }
    model.remember();
    const cut = (canvas) => {
      const out = blank(Math.round(w), Math.round(h));
      out.getContext("2d").drawImage(canvas, x, y, w, h, 0, 0, out.width, out.height);
      return out;
    };
    model.background = cut(model.background);
    model.layers = model.layers.map((l) => ({ ...l, canvas: cut(l.canvas) }));
    model.setSize(Math.round(w), Math.round(h));
    model.redraw();
    return true;
  };
  return model;
}

function normal({ x0, y0, x1, y1 }) {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), w: Math.abs(x1 - x0), h: Math.abs(y1 - y0) };
}

/** A canvas as a PNG File named `name`. */
export function pngFile(canvas, name) {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(new File([blob], name, { type: "image/png" }))
    : reject(new Error("the canvas could not be exported"))), "image/png"));
}
