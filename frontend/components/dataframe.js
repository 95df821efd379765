// Dataframe: a <table role=grid> with <th scope=col> headers (a sort button each, aria-sort) and
// one focusable cell at a time (roving tabindex): arrows move, Enter or typing edits in an
// <input aria-label="Edit cell">, Enter keeps, Escape drops, a "bool" cell is a checkbox. Long
// tables draw only the rows in view. Sorting and searching change what is shown, never the value.
import { attr, h, styles } from "../index.js";
import { blankCell, canGrow, parseCell, canShrink, nextSort, shownRows, toTSV, visibleRange } from "../table.js";
import { cellContent } from "../table_cells.js";

const ROW_HEIGHT = 35; // px, the height of a one-line row (long tables are drawn by it)
const DRAW_ALL = 200; // tables up to this many rows are drawn whole

styles("dataframe", `
.dataframe { display: flex; flex-direction: column; gap: 6px; }
.df-top { display: flex; align-items: center; gap: 8px; }
.df-top .label { flex: 1; }
.df-toolbar { display: flex; gap: 4px; align-items: center; }
.df-toolbar button, .df-actions button { border: 1px solid var(--border-color-primary, #e5e7eb); background: var(--background-fill-primary, #fff); border-radius: 4px; padding: 2px 8px; cursor: pointer; }
.df-scroll { overflow: auto; border: 1px solid var(--border-color-primary, #e5e7eb); border-radius: 6px; }
.dataframe table { border-collapse: separate; border-spacing: 0; width: 100%; }
.dataframe th, .dataframe td { text-align: left; padding: 0 8px; height: ${ROW_HEIGHT - 1}px; border-bottom: 1px solid var(--border-color-primary, #e5e7eb); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 40em; background: var(--background-fill-primary, #fff); }
.dataframe.df-wrap th, .dataframe.df-wrap td { white-space: normal; overflow-wrap: anywhere; }
.dataframe thead th { position: sticky; top: 0; z-index: 2; background: var(--background-fill-secondary, #f9fafb); }
.dataframe th button.df-sort { all: unset; cursor: pointer; display: flex; gap: 4px; width: 100%; font-weight: 600; }
.dataframe th[aria-sort="ascending"] .df-sort::after { content: "▲"; font-size: 0.7em; }
.dataframe th[aria-sort="descending"] .df-sort::after { content: "▼"; font-size: 0.7em; }
.dataframe td:focus { outline: 2px solid var(--color-accent, #f97316); outline-offset: -2px; }
.dataframe td .prose > * { margin: 0; }
.dataframe td input[type=text] { width: 100%; box-sizing: border-box; font: inherit; }
.dataframe .df-number { text-align: right; }
.dataframe .df-rownum { color: var(--body-text-color-subdued, #6b7280); width: 1%; }
.dataframe .df-pinned { position: sticky; z-index: 1; }
.dataframe thead .df-pinned { z-index: 3; }
.df-actions { display: flex; gap: 4px; }
.dataframe:fullscreen { background: var(--background-fill-primary, #fff); padding: 12px; }
`);

function button(name, text) {
  return h("button", { type: "button", "aria-label": name, title: name, textContent: text });
}

export function render(props, emit) {
  const s = { headers: [], data: [], metadata: null, rendered: {}, datatype: "str", interactive: true, sort: null,
    query: "", order: [], active: { pos: 0, col: 0 }, static_columns: [], buttons: ["fullscreen", "copy"] };
  const labelId = `blocks-label-${props.id}`;
  const label = h("span", { className: "label", id: labelId });
  const search = h("input", { type: "search", placeholder: "Search...", "aria-label": "Search" });
  const copy = button("Copy table data", "Copy");
  const full = button("Fullscreen", "Full screen");
  const toolbar = h("div", { className: "df-toolbar" }, search, copy, full);
  const colgroup = h("colgroup");
  const thead = h("thead");
  const tbody = h("tbody");
  const table = h("table", { role: "grid", "aria-labelledby": labelId }, colgroup, thead, tbody);
  const scroller = h("div", { className: "df-scroll" }, table);
  const addRow = button("Add row", "+ Row");
  const deleteRow = button("Delete row", "− Row");
  const addColumn = button("Add column", "+ Column");
  const deleteColumn = button("Delete column", "− Column");
  const actions = h("div", { className: "df-actions" }, addRow, deleteRow, addColumn, deleteColumn);
  const el = h("div", { className: "dataframe" }, h("div", { className: "df-top" }, label, toolbar), scroller, actions);

  const kind = (col) => (Array.isArray(s.datatype) ? s.datatype[col] ?? "str" : s.datatype);
  const editable = (col) => s.interactive !== false && !s.static_columns.includes(col);
  const payload = () => ({ headers: s.headers, data: s.data, metadata: s.metadata });

  function changed(extra) {
    const value = payload();
    emit("input", value);
    emit("change", value);
    if (extra) emit("edit", value, extra);
  }

  function drawHead() {
    const cells = s.headers.map((name, col) => {
      const sort = h("button", { type: "button", className: "df-sort", textContent: String(name ?? "") });
      sort.addEventListener("click", () => { s.sort = nextSort(s.sort, col); drawHead(); drawBody(); });
      const direction = s.sort?.column === col ? s.sort.direction : "none";
      return h("th", { scope: "col", "aria-sort": direction, title: String(name ?? "") }, sort);
    });
    if (s.show_row_numbers) cells.unshift(h("th", { scope: "col", className: "df-rownum", "aria-label": "Row number" }));
    thead.replaceChildren(h("tr", {}, ...cells));
    colgroup.replaceChildren(...(s.show_row_numbers ? [h("col")] : []),
      ...s.headers.map((_, col) => { const c = h("col"); if (s.column_widths?.[col]) c.style.width = s.column_widths[col]; return c; }));
    table.style.tableLayout = s.column_widths?.length ? "fixed" : "";
    attr(table, "aria-colcount", s.headers.length);
  }

  function drawRow(pos) {
    const row = s.order[pos];
    const cells = s.data[row].map((value, col) => {
      const td = h("td", { tabIndex: pos === s.active.pos && col === s.active.col ? 0 : -1, className: kind(col) === "number" ? "df-number" : "" });
      td.dataset.pos = pos;
      td.dataset.col = col;
      td.append(cellContent(s, row, col, value, kind(col), editable(col), (checked) => commit(row, col, checked)));
      const style = s.metadata?.styling?.[row]?.[col];
      if (style) td.style.cssText += `;${style}`;
      return td;
    });
    if (s.show_row_numbers) cells.unshift(h("th", { scope: "row", className: "df-rownum", textContent: String(row + 1) }));
    return h("tr", { "aria-rowindex": pos + 2 }, ...cells);
  }

  function spacer(height) {
    const tr = h("tr", { "aria-hidden": "true" });
    tr.style.height = `${height}px`;
    return tr;
  }

  function drawBody(keep = false) {
    if (!keep) s.order = shownRows(s.data, s.sort, s.query); // a scroll keeps the order
    const total = s.order.length;
    const [first, last] = total <= DRAW_ALL ? [0, total]
      : visibleRange(scroller.scrollTop, scroller.clientHeight || 500, ROW_HEIGHT, total);
    if (keep && s.drawn && first === s.drawn[0] && last === s.drawn[1]) return; // scrolled within what is drawn
    const hadFocus = tbody.contains(document.activeElement) && !document.activeElement.matches("input[type=text]");
    const rows = [];
    if (first > 0) rows.push(spacer(first * ROW_HEIGHT));
    for (let pos = first; pos < last; pos += 1) rows.push(drawRow(pos));
    if (last < total) rows.push(spacer((total - last) * ROW_HEIGHT));
    tbody.replaceChildren(...rows);
    s.drawn = [first, last];
    if (hadFocus) cellAt(s.active.pos, s.active.col)?.focus({ preventScroll: true }); // redrawn under the user
    attr(table, "aria-rowcount", total + 1);
    pin();
    drawActions();
  }

  function pin() {
    const count = s.pinned_columns ?? 0;
    if (!count) return;
    requestAnimationFrame(() => {
      const heads = [...thead.querySelectorAll("th")];
      const offset = s.show_row_numbers ? 1 : 0;
      for (const tr of table.querySelectorAll("tr")) {
        [...tr.children].slice(0, count + offset).forEach((cell, index) => {
          cell.classList.add("df-pinned");
          cell.style.left = `${heads[index]?.offsetLeft ?? 0}px`;
        });
      }
    });
  }

  function drawActions() {
    const grow = s.interactive !== false;
    const columnsFixed = s.static_columns.length > 0;
    addRow.hidden = !(grow && canGrow(s.data.length, s.row_limits));
    deleteRow.hidden = !(grow && s.data.length && canShrink(s.data.length, s.row_limits));
    addColumn.hidden = !(grow && !columnsFixed && canGrow(s.headers.length, s.column_limits));
    deleteColumn.hidden = !(grow && !columnsFixed && s.headers.length > 1 && canShrink(s.headers.length, s.column_limits));
    actions.hidden = [addRow, deleteRow, addColumn, deleteColumn].every((b) => b.hidden);
    search.hidden = !s.show_search || s.show_search === "none";
    copy.hidden = !s.buttons.includes("copy");
    full.hidden = !s.buttons.includes("fullscreen");
    toolbar.hidden = search.hidden && copy.hidden && full.hidden;
  }

  function cellAt(pos, col) {
    return tbody.querySelector(`td[data-pos="${pos}"][data-col="${col}"]`);
  }

  /** Make (pos, col) the focused cell, drawing its rows first when the table is long. */
  function focusCell(pos, col) {
    if (!s.order.length || !s.headers.length) return;
    pos = Math.max(0, Math.min(s.order.length - 1, pos));
    col = Math.max(0, Math.min(s.headers.length - 1, col));
    cellAt(s.active.pos, s.active.col)?.setAttribute("tabindex", "-1");
    s.active = { pos, col };
    if (pos < s.drawn[0] || pos >= s.drawn[1]) {
      scroller.scrollTop = Math.max(0, pos * ROW_HEIGHT - scroller.clientHeight / 2);
      drawBody();
    }
    const td = cellAt(pos, col);
    td?.setAttribute("tabindex", "0");
    td?.focus();
  }

  function select(pos, col) {
    const row = s.order[pos];
    const value = s.data[row]?.[col];
    emit("select", undefined, { index: [row, col], value, row_value: s.data[row], col_value: s.data.map((r) => r[col]), selected: true });
  }

  function commit(row, col, value) {
    const previous = s.data[row][col];
    if (previous === value) return;
    s.data[row][col] = value;
    if (s.rendered[col]) s.rendered[col][row] = null; // shown as typed until the server renders it again
    changed({ index: [row, col], value, previous_value: previous });
  }

  function startEdit(pos, col, typed) {
    const td = cellAt(pos, col);
    const row = s.order[pos];
    if (!td || !editable(col) || kind(col) === "bool") return;
    const old = s.data[row][col];
    const input = h("input", { type: "text", "aria-label": "Edit cell", value: typed ?? (old == null ? "" : String(old)) });
    if (kind(col) === "number") input.inputMode = "decimal";
    td.replaceChildren(input);
    input.focus();
    let done = false;
    const finish = (keep, move) => {
      if (done) return;
      done = true;
      if (keep) commit(row, col, parseCell(input.value, kind(col)));
      drawBody();
      focusCell(pos + (move === "down" ? 1 : 0), col + (move === "right" ? 1 : 0));
    };
    input.addEventListener("keydown", (event) => {
      event.stopPropagation();
      if (event.key === "Enter") { event.preventDefault(); finish(true); }
      else if (event.key === "Escape") { event.preventDefault(); finish(false); }
      else if (event.key === "Tab") { event.preventDefault(); finish(true, "right"); }
    });
    input.addEventListener("blur", () => finish(true));
  }

  const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  tbody.addEventListener("keydown", (event) => {
    const td = event.target.closest("td[data-pos]");
    if (!td || event.target.matches("input[type=text]")) return;
    const pos = Number(td.dataset.pos);
    const col = Number(td.dataset.col);
    if (MOVES[event.key]) {
      event.preventDefault();
      focusCell(pos + MOVES[event.key][0], col + MOVES[event.key][1]);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startEdit(pos, col);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && kind(col) !== "bool") {
      event.preventDefault();
      startEdit(pos, col, event.key);
    }
  });
  tbody.addEventListener("click", (event) => {
    const td = event.target.closest("td[data-pos]");
    if (!td || event.target.matches("input[type=text]")) return;
    const pos = Number(td.dataset.pos);
    const col = Number(td.dataset.col);
    if (!event.target.matches("input")) focusCell(pos, col);
    select(pos, col);
  });
  tbody.addEventListener("dblclick", (event) => {
    const td = event.target.closest("td[data-pos]");
    if (td) startEdit(Number(td.dataset.pos), Number(td.dataset.col));
  });
  scroller.addEventListener("scroll", () => { if (s.order.length > DRAW_ALL) drawBody(true); });
  search.addEventListener("input", () => { s.query = search.value; drawBody(); });
  copy.addEventListener("click", () => navigator.clipboard?.writeText(toTSV(s.headers, s.order.map((r) => s.data[r]))));
  full.addEventListener("click", () => (document.fullscreenElement ? document.exitFullscreen() : el.requestFullscreen?.()));
  addRow.addEventListener("click", () => {
    s.data.push(s.headers.map((_, col) => blankCell(kind(col))));
    drawBody();
    changed();
    focusCell(s.order.indexOf(s.data.length - 1), 0);
  });
  deleteRow.addEventListener("click", () => {
    const row = s.order[s.active.pos] ?? s.data.length - 1;
    s.data.splice(row, 1);
    for (const col of Object.keys(s.rendered)) s.rendered[col]?.splice(row, 1);
    drawBody();
    changed();
  });
  addColumn.addEventListener("click", () => {
    s.headers.push(String(s.headers.length + 1));
    s.data.forEach((row) => row.push(blankCell(kind(s.headers.length - 1))));
    drawHead(); drawBody(); changed();
  });
  deleteColumn.addEventListener("click", () => {
    const col = Math.min(s.active.col, s.headers.length - 1);
    s.headers.splice(col, 1);
    s.data.forEach((row) => row.splice(col, 1));
    s.sort = null;
    drawHead(); drawBody(); changed();
  });

  function update(patch) {
    for (const name of ["datatype", "interactive", "show_row_numbers", "max_chars", "pinned_columns", "row_limits",
      "column_limits", "column_widths", "show_search", "row_count", "column_count"]) {
      if (name in patch) s[name] = patch[name];
    }
    if ("static_columns" in patch) s.static_columns = patch.static_columns ?? [];
    if ("buttons" in patch) s.buttons = patch.buttons ?? ["fullscreen", "copy"];
    if ("headers" in patch && !("value" in patch) && (!s.valueSeen || patch.headers?.length === s.headers.length)) {
      s.headers = [...(patch.headers ?? [])]; // gr.update(headers=...) renames the columns
    }
    if ("value" in patch) {
      const value = patch.value ?? { headers: s.headers, data: [] };
      s.valueSeen = true;
      s.headers = [...(value.headers ?? [])];
      s.data = (value.data ?? []).map((row) => [...row]);
      s.metadata = value.metadata ?? null;
      s.rendered = value.rendered ?? {};
      s.active = { pos: 0, col: 0 };
    }
    if ("label" in patch) label.textContent = patch.label ?? "";
    if ("show_label" in patch) label.classList.toggle("sr-only", patch.show_label === false);
    if ("wrap" in patch) el.classList.toggle("df-wrap", patch.wrap === true);
    if ("max_height" in patch) {
      const height = patch.max_height;
      scroller.style.maxHeight = height == null ? "" : typeof height === "number" ? `${height}px` : height;
    }
    drawHead();
    drawBody();
  }

  update(props);
  return { el, update, destroy() {} };
}
