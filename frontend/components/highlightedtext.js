// HighlightedText: text in pieces; a category piece is a <mark> colored from color_map or a stable
// palette (with its category shown inline and in a legend), a numeric score shades it red/blue.
import { h, styles } from "../index.js";

styles("highlightedtext", `
.ht-text { line-height: 2; padding: 8px; border: 1px solid var(--border); border-radius: var(--radius); white-space: pre-wrap; }
.ht-piece { background: color-mix(in srgb, var(--ht-color) 30%, transparent); border-radius: 4px; padding: 1px 3px; color: inherit; }
.ht-score { border-radius: 4px; padding: 1px 2px; color: inherit; }
.ht-category {
  margin-left: 4px; padding: 0 4px; border-radius: 3px; font-size: .75em; font-weight: 600;
  background: var(--ht-color); color: #fff;
}
.ht-legend { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0 0 6px; padding: 0; }
`);

const PALETTE = ["#f97316", "#22c55e", "#3b82f6", "#eab308", "#a855f7", "#14b8a6", "#ec4899", "#84cc16"];

function colorOf(category, state, seen) {
  const named = state.color_map?.[category];
  if (named) return named;
  if (!seen.has(category)) seen.set(category, PALETTE[seen.size % PALETTE.length]);
  return seen.get(category);
}

const shade = (score) => (score >= 0 ? `rgb(239 68 68 / ${Math.min(score, 1)})` : `rgb(59 130 246 / ${Math.min(-score, 1)})`);

export function render(props, emit) {
  const state = { show_inline_category: true, ...props };
  const label = h("span", { className: "label" });
  const legend = h("ul", { className: "ht-legend", "aria-label": "Legend" });
  const text = h("div", { className: "ht-text" });
  const el = h("div", { className: "field highlightedtext" }, label, legend, text);

  function piece(item, index, seen) {
    const category = item.class_or_confidence;
    if (category == null) return h("span", {}, item.token);
    const select = () => emit("select", undefined, { index, value: [item.token, category], selected: true });
    if (typeof category === "number") {
      const mark = h("mark", { className: "ht-score", title: String(category) }, item.token);
      mark.style.background = shade(category);
      mark.addEventListener("click", select);
      return mark;
    }
    const color = colorOf(category, state, seen);
    const tag = state.show_inline_category === false ? null : h("span", { className: "ht-category" }, category);
    const mark = h("mark", { className: "ht-piece" }, item.token, tag);
    mark.style.setProperty("--ht-color", color);
    mark.addEventListener("click", select);
    return mark;
  }

  function update(patch) {
    Object.assign(state, patch);
    const seen = new Map();
    Object.keys(state.color_map ?? {}).forEach((name) => colorOf(name, state, seen));
    text.replaceChildren(...(state.value ?? []).map((item, i) => piece(item, i, seen)));
    const names = [...seen.keys()];
    legend.replaceChildren(...names.map((name) => {
      const item = h("li", { className: "ht-piece" }, name);
      item.style.setProperty("--ht-color", seen.get(name));
      return item;
    }));
    legend.hidden = state.show_legend !== true || names.length === 0;
    label.textContent = state.label ?? "";
    label.classList.toggle("sr-only", state.show_label === false);
  }

  update(state);
  return { el, update, destroy() {} };
}
