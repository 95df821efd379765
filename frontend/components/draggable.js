// gr.Draggable: children in a row or a column, each with a handle: drag it (HTML drag and drop) or,
// focused, move it with the arrow keys (Home / End: first / last). The order stays in the page.
import { h, styles } from "../index.js";

styles("draggable", `
.draggable { display: flex; flex-direction: column; gap: var(--gap, 12px); }
.draggable.horizontal { flex-direction: row; flex-wrap: wrap; }
.draggable.horizontal > .draggable-item { flex: 1 1 0; min-width: min(160px, 100%); }
.draggable-item { position: relative; display: flex; flex-direction: column; }
.draggable-item.dragging { opacity: .5; }
.draggable-item.drop-target { outline: 2px dashed var(--accent, #f97316); outline-offset: 2px; }
.draggable-handle { align-self: flex-end; cursor: grab; padding: 0 6px; line-height: 1.2; font-size: .875rem;
  background: none; border: 1px solid transparent; color: var(--muted); }
.draggable-handle:hover, .draggable-handle:focus-visible { border-color: var(--border); }
`);

export function render(props, emit, children = []) {
  const el = h("div", { className: "draggable", role: "region", "aria-label": "Draggable items container" });
  const status = h("div", { className: "sr-only", role: "status", "aria-live": "polite" });
  let dragged = null;

  const items = () => [...el.querySelectorAll(":scope > .draggable-item")];
  function name(item) { return `Move item ${items().indexOf(item) + 1} of ${items().length}`; }
  function relabel() { for (const item of items()) item.firstChild.setAttribute("aria-label", name(item)); }
  function place(item, index) {
    const others = items().filter((other) => other !== item);
    const clamped = Math.max(0, Math.min(index, others.length));
    if (clamped === others.length) el.insertBefore(item, status);
    else el.insertBefore(item, others[clamped]);
    relabel();
    item.firstChild.focus();
    status.textContent = `Moved to position ${clamped + 1} of ${items().length}`;
  }

  function wrap(child) {
    const handle = h("button", { type: "button", className: "draggable-handle", draggable: "true" }, "⠿");
    const item = h("div", { className: "draggable-item" }, handle, child.el);
    handle.addEventListener("keydown", (event) => {
      const at = items().indexOf(item);
      const back = el.classList.contains("horizontal") ? "ArrowLeft" : "ArrowUp";
      const forward = el.classList.contains("horizontal") ? "ArrowRight" : "ArrowDown";
      const to = { [back]: at - 1, [forward]: at + 1, Home: 0, End: items().length - 1 }[event.key];
      if (to === undefined || to === at) return;
      event.preventDefault();
      place(item, to);
    });
    handle.addEventListener("dragstart", (event) => {
      dragged = item;
      item.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", "");
      event.dataTransfer.setDragImage(item, 10, 10);
    });
    handle.addEventListener("dragend", () => {
      item.classList.remove("dragging");
      for (const other of items()) other.classList.remove("drop-target");
      dragged = null;
    });
    item.addEventListener("dragover", (event) => {
      if (!dragged || dragged === item) return;
      event.preventDefault();
      item.classList.add("drop-target");
    });
    item.addEventListener("dragleave", () => item.classList.remove("drop-target"));
    item.addEventListener("drop", (event) => {
      event.preventDefault();
      item.classList.remove("drop-target");
      if (dragged && dragged !== item) place(dragged, items().indexOf(item));
    });
    return item;
  }

  el.append(...children.map(wrap), status);
  relabel();
  function update(patch) {
    if ("orientation" in patch) el.classList.toggle("horizontal", patch.orientation === "row");
  }
  update(props);
  return { el, update, destroy() {} };
}
