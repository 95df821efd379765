// gr.Sidebar: a panel fixed at the left or right edge of the page, with a toggle button that
// stays on screen; while it is open on a wide screen the page makes room for it.
import { h, attr } from "../index.js";

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
