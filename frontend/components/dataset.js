// Dataset: clickable samples. A <table> (a row per sample, each row focusable and activated by
// click, Enter or Space) or, for one component, a gallery of <button>s; page buttons below
// when there are more than samples_per_page. A click sends the sample's index as the value,
// with {index, value: sample} for select.
import { h, styles } from "../index.js";

styles("dataset", `
.dataset > .label { display: block; margin-bottom: 4px; }
.dataset table { border-collapse: collapse; width: 100%; }
.dataset th, .dataset td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--border-color-primary, #e5e7eb); }
.dataset-row { cursor: pointer; }
.dataset-row:hover, .dataset-row:focus { background: var(--background-fill-secondary, #f3f4f6); }
.dataset-gallery { display: flex; flex-wrap: wrap; gap: 6px; }
.dataset-item { cursor: pointer; padding: 4px 10px; border: 1px solid var(--border-color-primary, #e5e7eb); border-radius: 6px; background: none; }
.dataset-swatch { display: inline-block; width: 1.2em; height: 1.2em; border-radius: 3px; vertical-align: middle; border: 1px solid #0002; }
.dataset-pages { display: flex; gap: 4px; align-items: center; margin-top: 6px; }
.dataset-pages [aria-current="page"] { font-weight: 700; text-decoration: underline; }
`);

/** One cell's content, as its component shows a value: text ("true"/"false" for a Checkbox, as
 * Gradio's page shows it), a colour swatch or HTML. */
function cell(shown) {
  if ("check" in shown) return document.createTextNode(shown.check ? "true" : "false");
  if ("color" in shown) {
    const swatch = h("span", { className: "dataset-swatch", "aria-hidden": "true" });
    swatch.style.background = shown.color;
    return h("span", {}, swatch, h("span", { className: "sr-only", textContent: shown.color }));
  }
  if ("html" in shown) {
    const box = h("div", { className: "prose" });
    box.innerHTML = shown.html ?? ""; // rendered (and for Markdown sanitized) by the server
    return box;
  }
  return document.createTextNode(shown.text ?? "");
}

export function render(props, emit) {
  const state = { cells: [], samples: [], column_headers: [], shown_layout: "gallery", samples_per_page: 10,
    page: 0, interactive: true };
  const label = h("span", { className: "label" });
  const body = h("div", { className: "dataset-samples" });
  const pages = h("nav", { className: "dataset-pages", "aria-label": "Pages" });
  const el = h("div", { className: "dataset" }, label, body);

  function choose(index) {
    if (state.interactive === false) return;
    emit("click", index);
    emit("select", index, { index, value: state.samples[index] ?? null, selected: true });
  }

  function shownIndexes() {
    const start = state.page * state.samples_per_page;
    const end = Math.min(state.cells.length, start + state.samples_per_page);
    return Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
  }

  function table(indexes) {
    const head = state.column_headers.length
      ? h("thead", {}, h("tr", {}, ...state.column_headers.map((name) => h("th", { scope: "col", textContent: name }))))
      : null;
    const rows = indexes.map((index) => {
      const row = h("tr", { tabIndex: 0, className: "dataset-row" }, ...state.cells[index].map((shown) => h("td", {}, cell(shown))));
      row.addEventListener("click", () => choose(index));
      row.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        choose(index);
      });
      return row;
    });
    return h("table", {}, head, h("tbody", {}, ...rows));
  }

  function gallery(indexes) {
    return h("div", { className: "dataset-gallery" }, ...indexes.map((index) => {
      const button = h("button", { type: "button", className: "dataset-item" }, ...state.cells[index].map(cell));
      button.addEventListener("click", () => choose(index));
      return button;
    }));
  }

  function draw() {
    const count = Math.ceil(state.cells.length / state.samples_per_page);
    state.page = Math.min(state.page, Math.max(0, count - 1));
    const indexes = shownIndexes();
    body.replaceChildren(state.shown_layout === "table" ? table(indexes) : gallery(indexes));
    if (count <= 1) pages.remove(); // not in the page at all, so its name never matches a label search
    else if (pages.parentNode !== el) el.append(pages);
    pages.replaceChildren(h("span", { textContent: "Pages:" }), ...Array.from({ length: count }, (_, page) => {
      const button = h("button", { type: "button", textContent: String(page + 1),
        "aria-current": page === state.page ? "page" : null });
      button.addEventListener("click", () => { state.page = page; draw(); });
      return button;
    }));
  }

  function update(patch) {
    for (const name of ["cells", "samples", "column_headers", "shown_layout", "samples_per_page", "interactive"]) {
      if (name in patch) state[name] = patch[name] ?? state[name];
    }
    if ("label" in patch) label.textContent = patch.label ?? "";
    if ("show_label" in patch) label.hidden = patch.show_label === false;
    if ("cells" in patch) state.page = 0;
    if (["cells", "column_headers", "shown_layout", "samples_per_page"].some((name) => name in patch)) draw();
  }

  update(props);
  return { el, update, destroy() {} };
}
