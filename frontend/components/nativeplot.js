// LinePlot / BarPlot / ScatterPlot: the server's binned, aggregated rows drawn as an SVG (role=img) with
// axes, ticks, a legend and a <title> tooltip per point or bar; dragging across it fires select with the
// x range, a double click fires double_click.
import { h, styles } from "../index.js";

styles("nativeplot", `
.nativeplot svg { width: 100%; height: auto; overflow: visible; font: 11px sans-serif; user-select: none; }
.nativeplot .plot-title { margin: 0 0 4px; font-size: 1rem; text-align: center; }
.nativeplot .axis line, .nativeplot .axis path { stroke: #888; }
.nativeplot .grid { stroke: #8883; }
.nativeplot .brush { fill: #8884; stroke: #888; }
.nativeplot .caption { color: var(--muted); font-size: .85rem; }
`);

const NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d"];
const s = (tag, attrs = {}, ...kids) => {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v);
  el.append(...kids);
  return el;
};

// Round tick values covering [lo, hi], about `count` of them.
export function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count, mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(+v.toPrecision(12));
  return out;
}

function label(value, type) {
  if (type === "temporal") return new Date(value).toISOString().replace("T", " ").replace(/(:00)?\.000Z$/, "");
  return typeof value === "number" ? String(+value.toPrecision(6)) : String(value);
}

function scales(state, rows, xtype, W, H) {
  const xs = rows.map((r) => r.x), band = xtype === "nominal" || state.mark === "bar";
  let yLo = Math.min(0, ...rows.map((r) => r.y0)), yHi = Math.max(0, ...rows.map((r) => r.y1));
  if (state.y_lim) [yLo, yHi] = [state.y_lim[0] ?? yLo, state.y_lim[1] ?? yHi];
  const y = (v) => H - ((v - yLo) / (yHi - yLo || 1)) * H;
  if (xtype === "nominal") {
    const cats = [...new Set(xs)], step = W / Math.max(cats.length, 1);
    return { y, yLo, yHi, cats, step, x: (v) => cats.indexOf(v) * step + step / 2, invert: null };
  }
  const bin = state.value?.x_bin || 0;
  let lo = Math.min(...xs), hi = Math.max(...xs) + (band ? bin : 0);
  if (state.x_lim) [lo, hi] = [state.x_lim[0] ?? lo, state.x_lim[1] ?? hi];
  const x = (v) => ((v - lo) / (hi - lo || 1)) * W;
  const step = bin ? x(lo + bin) - x(lo) : Math.max(4, W / Math.max(rows.length, 1) * 0.8);
  return { y, yLo, yHi, x, lo, hi, step, invert: (px) => lo + (px / W) * (hi - lo) };
}

function tip(state, columns, row, xtype) {
  if (state.tooltip === "none") return null;
  const names = Array.isArray(state.tooltip) || state.tooltip === "all" ? (state.tooltip === "all" ? columns : state.tooltip)
    : columns.slice(0, state.color ? 3 : 2);
  return names.map((c) => `${c}: ${label(row.raw[columns.indexOf(c)], c === columns[0] ? xtype : "")}`).join(", ");
}

export function render(props, emit) {
  const state = { tooltip: "axis", ...props };
  const heading = h("span", { className: "label" }), title = h("h3", { className: "plot-title" });
  const box = h("div", { className: "plot-box" }), caption = h("p", { className: "caption" });
  const el = h("div", { className: "field nativeplot" }, heading, title, box, caption);

  function draw() {
    const value = state.value, W = 560, H = state.height ? Number(state.height) - 80 : 260;
    const name = state.title || state.label || "plot";
    const svg = s("svg", { role: "img", "aria-label": name, viewBox: `-56 -10 ${W + 66 + (state.color ? 120 : 0)} ${H + 70}` });
    box.replaceChildren(svg);
    if (!value || !value.data?.length) return;
    const [xc, yc, cc] = value.columns, xtype = value.datatypes[xc];
    const colors = [...new Set(value.data.map((r) => (state.color ? r[2] : null)))];
    const colorOf = (c) => state.color_map?.[c] ?? PALETTE[colors.indexOf(c) % PALETTE.length];
    const stack = new Map(), rows = value.data.map((raw) => {
      const base = state.mark === "bar" ? stack.get(raw[0]) ?? 0 : 0;
      if (state.mark === "bar") stack.set(raw[0], base + raw[1]);
      return { raw, x: raw[0], y: raw[1], c: state.color ? raw[2] : null, y0: Math.min(base, base + raw[1]), y1: Math.max(base, base + raw[1]) };
    });
    const sc = scales(state, rows, xtype, W, H);
    const axes = s("g", { class: "axis" }, s("line", { x1: 0, y1: H, x2: W, y2: H }), s("line", { x1: 0, y1: 0, x2: 0, y2: H }));
    for (const t of ticks(sc.yLo, sc.yHi)) {
      axes.append(s("line", { class: "grid", x1: 0, x2: W, y1: sc.y(t), y2: sc.y(t) }),
        s("text", { x: -6, y: sc.y(t) + 4, "text-anchor": "end", class: "y-tick" }, label(t, "")));
    }
    const xticks = sc.cats ?? ticks(sc.lo, sc.hi, xtype === "temporal" ? 4 : 6);
    if (state.x_axis_labels_visible !== false && state.x_axis_labels_visible !== "hidden") {
      for (const t of xticks) {
        const px = sc.x(t), angle = Number(state.x_label_angle) || 0;
        axes.append(s("text", { x: px, y: H + 16, "text-anchor": angle ? "end" : "middle", class: "x-tick",
          transform: angle ? `rotate(${-angle} ${px} ${H + 16})` : null }, label(t, xtype)));
      }
    }
    axes.append(s("text", { x: W / 2, y: H + 44, "text-anchor": "middle", class: "x-title" }, state.x_title ?? xc),
      s("text", { transform: `rotate(-90) translate(${-H / 2} -42)`, "text-anchor": "middle", class: "y-title" }, state.y_title ?? yc));
    const marks = s("g", { class: "marks" });
    for (const c of colors) {
      const mine = rows.filter((r) => r.c === c);
      if (state.mark === "line") {
        marks.append(s("path", { d: mine.map((r, i) => `${i ? "L" : "M"}${sc.x(r.x)},${sc.y(r.y)}`).join(""), fill: "none",
          stroke: colorOf(c), "stroke-width": 2 }));
      }
      for (const r of mine) {
        const text = tip(state, value.columns, r, xtype);
        const mark = state.mark === "bar"
          ? s("rect", { class: "bar", x: sc.cats ? sc.x(r.x) - sc.step * 0.4 : sc.x(r.x), width: sc.step * (sc.cats ? 0.8 : 0.95),
            y: sc.y(r.y1), height: Math.max(0, sc.y(r.y0) - sc.y(r.y1)), fill: colorOf(c) })
          : s("circle", { class: state.mark === "line" ? "point" : "point dot", cx: sc.x(r.x), cy: sc.y(r.y),
            r: state.mark === "line" ? 3 : 4, fill: colorOf(c), "fill-opacity": state.mark === "line" ? 1 : 0.8 });
        if (text) mark.append(s("title", {}, text));
        marks.append(mark);
      }
    }
    svg.append(axes, marks);
    if (state.color) legend(svg, colors, colorOf, W, state.color_title ?? cc);
    brush(svg, sc, W, H);
  }

  function legend(svg, colors, colorOf, W, name) {
    const g = s("g", { class: "legend", role: "list", "aria-label": `legend: ${name}` }, s("text", { x: W + 16, y: 0, "font-weight": "bold" }, name));
    colors.filter((c) => !state.colors_in_legend || state.colors_in_legend.includes(c)).forEach((c, i) => {
      g.append(s("g", { role: "listitem" }, s("rect", { x: W + 16, y: 10 + i * 18, width: 10, height: 10, fill: colorOf(c) }),
        s("text", { x: W + 32, y: 19 + i * 18 }, String(c))));
    });
    svg.append(g);
  }

  function brush(svg, sc, W, H) {
    const rect = s("rect", { class: "brush", y: 0, height: H, width: 0, visibility: "hidden" });
    svg.append(rect);
    let start = null;
    const at = (ev) => { const p = svg.createSVGPoint(); p.x = ev.clientX; p.y = ev.clientY; return Math.min(W, Math.max(0, p.matrixTransform(svg.getScreenCTM().inverse()).x)); };
    svg.addEventListener("pointerdown", (ev) => { start = at(ev); svg.setPointerCapture?.(ev.pointerId); });
    svg.addEventListener("pointermove", (ev) => {
      if (start == null) return;
      const x = at(ev);
      Object.entries({ x: Math.min(start, x), width: Math.abs(x - start), visibility: "visible" }).forEach(([k, v]) => rect.setAttribute(k, v));
    });
    svg.addEventListener("pointerup", (ev) => {
      if (start == null) return;
      const [a, b] = [start, at(ev)].sort((p, q) => p - q);
      start = null;
      rect.setAttribute("visibility", "hidden");
      if (b - a < 3) return;
      const range = sc.invert ? [sc.invert(a), sc.invert(b)] : sc.cats.filter((c) => sc.x(c) >= a && sc.x(c) <= b);
      emit("select", undefined, { index: range, value: range, selected: true });
    });
    svg.addEventListener("dblclick", () => emit("double_click"));
  }

  function update(patch) {
    Object.assign(state, patch);
    heading.textContent = state.label ?? "";
    heading.classList.toggle("sr-only", state.show_label === false);
    title.textContent = state.title ?? "";
    title.hidden = !state.title;
    caption.textContent = state.caption ?? "";
    caption.hidden = !state.caption;
    // x y color x_title y_title color_title x_bin y_aggregate color_map colors_in_legend x_lim y_lim sort tooltip
    // x_label_angle y_label_angle x_axis_labels_visible height mark: all redraw (the server already applied x_bin,
    // y_aggregate and sort to the value).
    draw();
  }

  update(state);
  return { el, update, destroy() {} };
}
