// gr.Sidebar: a panel fixed at the left or right edge of the page, with a toggle button that
// stays on screen; while it is open on a wide screen the page makes room for it.
import { h, attr, styles } from "../index.js";

styles("sidebar", `
.sidebar {
  position: fixed; top: 0; bottom: 0; z-index: 100; width: var(--sidebar-width, 320px); max-width: 90vw;
  background: var(--surface); border: 0 solid var(--border); transition: transform .2s;
}
.sidebar.left { left: 0; border-right-width: 1px; }
.sidebar.right { right: 0; border-left-width: 1px; }
.sidebar.left:not(.open) { transform: translateX(-100%); }
.sidebar.right:not(.open) { transform: translateX(100%); }
.sidebar-content { height: 100%; overflow-y: auto; padding: 48px 16px 16px; }
.sidebar > .sidebar-toggle { position: absolute; top: 8px; padding: 4px 10px; }
.sidebar.left > .sidebar-toggle { right: 8px; }
.sidebar.right > .sidebar-toggle { left: 8px; }
.sidebar.left:not(.open) > .sidebar-toggle { right: -48px; }
.sidebar.right:not(.open) > .sidebar-toggle { left: -48px; }
@media (min-width: 768px) {
  body.sidebar-open-left .gradio-container { margin-left: var(--sidebar-width, 320px); }
  body.sidebar-open-right .gradio-container { margin-right: var(--sidebar-width, 320px); }
}
@media (prefers-reduced-motion: reduce) { .sidebar { transition: none; } }
`);

export function render(props, emit, children = []) {
  const panelId = `blocks-sidebar-${props.id}`;
  const content = h("div", { className: "sidebar-content column", id: panelId }, ...children.map((child) => child.el));
  const toggle = h("button", { type: "button", className: "sidebar-toggle", "aria-controls": panelId });
  const el = h("aside", { className: "sidebar" }, toggle, content);
  let open = true;
  let side = "left";

  function setOpen(next) {
    open = next;
    el.classList.toggle("open", open);
    content.hidden = !open;
    attr(toggle, "aria-expanded", String(open));
    document.body.classList.toggle(`sidebar-open-${side}`, open);
  }
  toggle.addEventListener("click", () => {
    setOpen(!open);
    emit(open ? "expand" : "collapse", undefined);
  });

  function update(patch) {
    if ("label" in patch) {
      attr(el, "aria-label", patch.label || "Sidebar");
      attr(toggle, "aria-label", "Toggle Sidebar"); // Gradio's name for it, whatever the label
      toggle.textContent = "☰";
    }
    if ("position" in patch) {
      document.body.classList.remove(`sidebar-open-${side}`);
      el.classList.remove(side);
      side = patch.position === "right" ? "right" : "left";
      el.classList.add(side);
      setOpen(open);
    }
    if ("width" in patch) {
      const width = typeof patch.width === "number" ? `${patch.width}px` : patch.width ?? "320px";
      document.documentElement.style.setProperty("--sidebar-width", width);
    }
    if ("open" in patch) setOpen(patch.open !== false);
  }
  update(props);
  return { el, update, destroy() { document.body.classList.remove(`sidebar-open-${side}`); } };
}
