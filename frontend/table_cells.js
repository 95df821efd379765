// What one Dataframe cell shows, by its column's datatype: text (cut to max_chars, the whole text
// in its title), a checkbox for "bool", HTML made by the server for "markdown", the app's HTML
// for "html", a picture for "image"; a pandas Styler's display text when there is one.
import { h } from "./index.js";
import { cellText, truncate } from "./table.js";

export function cellContent(s, row, col, value, kind, editable, onToggle) {
  if (kind === "bool") {
    const name = `${s.headers[col] ?? ""} ${row + 1}`.trim();
    const box = h("input", { type: "checkbox", checked: value === true || value === "true", "aria-label": name,
      disabled: !editable, tabIndex: -1 });
    box.addEventListener("change", () => onToggle(box.checked));
    return box;
  }
  const rendered = s.rendered?.[col]?.[row];
  if (kind === "markdown" && rendered != null) return html(rendered);
  if (kind === "html") return html(cellText(value));
  if (kind === "image" && value) return h("img", { src: String(value), alt: "", style: "max-height: 6em" });
  const shown = s.interactive === false ? s.metadata?.display_value?.[row]?.[col] : undefined;
  const text = cellText(shown ?? value);
  const span = h("span", { textContent: truncate(text, s.max_chars) });
  if (s.max_chars && text.length > s.max_chars) span.title = text;
  return span;
}

function html(markup) {
  const box = h("div", { className: "prose" });
  box.innerHTML = markup; // markdown: rendered and sanitized by the server; html: the app's own, as gr.HTML
  return box;
}
