// The pure part of the Dataframe renderer (tested in tests/frontend/table.test.mjs): typed cells,
// the order of rows shown (sort, search), and the table as tab-separated text for the clipboard.

/** The value of a typed cell from what the user typed: a number for "number" columns (the text
 * itself while it is not one), true/false for "bool", text otherwise. */
export function parseCell(text, kind) {
  if (kind === "number") {
    const trimmed = text.trim();
    if (trimmed === "") return null;
    const number = Number(trimmed);
    return Number.isFinite(number) ? number : text;
  }
  if (kind === "bool") return text === true || /^(true|1|yes)$/i.test(String(text).trim());
  return text;
}

/** A new row's cell, as Gradio fills it: 0 for numbers, false for booleans, "" otherwise. */
export function blankCell(kind) {
  return kind === "number" ? 0 : kind === "bool" ? false : "";
}

/** A cell as text. */
export function cellText(value) {
  if (value == null) return "";
  return String(value);
}

/** `text` cut to `maxChars` characters (with an ellipsis), or whole when maxChars is unset. */
export function truncate(text, maxChars) {
  return maxChars && text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

const empty = (value) => value == null || value === "";

function compare(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** The indexes of the rows to show, in order: those matching `query` (any cell containing it,
 * ignoring case), sorted by column `sort.column` ("ascending" or "descending"), stable. */
export function shownRows(rows, sort, query) {
  const needle = (query ?? "").trim().toLowerCase();
  let order = rows.map((_, index) => index);
  if (needle) order = order.filter((index) => rows[index].some((value) => cellText(value).toLowerCase().includes(needle)));
  if (sort && sort.direction !== "none") {
    const sign = sort.direction === "descending" ? -1 : 1;
    const key = (index) => rows[index][sort.column];
    order.sort((x, y) => (empty(key(x)) || empty(key(y)) ? empty(key(x)) - empty(key(y)) // empty cells last
      : sign * compare(key(x), key(y))) || x - y);
  }
  return order;
}

/** The next direction when a header is clicked: none -> ascending -> descending -> none. */
export function nextSort(sort, column) {
  if (!sort || sort.column !== column || sort.direction === "none") return { column, direction: "ascending" };
  return { column, direction: sort.direction === "ascending" ? "descending" : "none" };
}

/** The table as tab-separated lines (headers first), as a spreadsheet pastes it. */
export function toTSV(headers, rows) {
  const line = (cells) => cells.map((value) => cellText(value).replace(/[\t\n]/g, " ")).join("\t");
  return [line(headers), ...rows.map(line)].join("\n");
}

/** Whether one more row (or column) may be added, or one removed, within [min, max] limits. */
export function canGrow(count, limits) {
  return !limits || limits[1] == null || count < limits[1];
}
export function canShrink(count, limits) {
  return count > Math.max(limits?.[0] ?? 0, 0);
}

/** Which rows of `total` (each `rowHeight` px) to draw for a viewport: [first, last) with a margin. */
export function visibleRange(scrollTop, viewHeight, rowHeight, total, margin = 20) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - margin);
  const last = Math.min(total, Math.ceil((scrollTop + viewHeight) / rowHeight) + margin);
  return [first, Math.max(first, last)];
}
