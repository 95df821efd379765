// FileExplorer: the server's listing of root_dir as a tree (role=tree, folders with aria-expanded),
// a checkbox for each file; the value is the checked files as lists of path segments.
import { h, field, styles } from "../index.js";

styles("fileexplorer", `
.fileexplorer-tree, .fileexplorer-tree ul { list-style: none; margin: 0; padding-left: 1rem; }
.fileexplorer-tree { overflow: auto; padding-left: 0; }
.fileexplorer-folder { background: none; border: 0; cursor: pointer; padding: 2px 0; font: inherit; }
.fileexplorer-folder::before { content: "▸ "; }
[aria-expanded="true"] > .fileexplorer-folder::before { content: "▾ "; }
`);

const key = (segments) => segments.join("/");

export function render(props, emit) {
  const state = { tree: [], file_count: "multiple", ...props };
  const tree = h("ul", { className: "fileexplorer-tree", role: "tree" });
  const labelled = field(props, tree);
  const el = labelled.el;
  el.classList.add("fileexplorer");
  let checked = new Set();

  function item(entry, parents) {
    const segments = [...parents, entry.name];
    if (entry.type === "folder") {
      const toggle = h("button", { type: "button", className: "fileexplorer-folder", tabIndex: -1 }, entry.name);
      const children = h("ul", { role: "group" }, ...entry.children.map((child) => item(child, segments)));
      const li = h("li", { role: "treeitem", "aria-expanded": "false" }, toggle, children);
      children.hidden = true;
      toggle.addEventListener("click", () => {
        children.hidden = !children.hidden;
        li.setAttribute("aria-expanded", String(!children.hidden));
      });
      return li;
    }
    const box = h("input", { type: "checkbox", checked: checked.has(key(segments)), disabled: state.interactive === false });
    box.dataset.path = key(segments);
    box.addEventListener("change", () => choose(segments, box.checked));
    return h("li", { role: "treeitem" }, h("label", {}, box, ` ${entry.name}`));
  }

  function choose(segments, on) {
    if (state.file_count === "single") checked = new Set(on ? [key(segments)] : []);
    else if (on) checked.add(key(segments)); else checked.delete(key(segments));
    tree.querySelectorAll("input[type=checkbox]").forEach((box) => (box.checked = checked.has(box.dataset.path)));
    const value = [...checked].map((k) => k.split("/"));
    state.value = value;
    emit("select", value, { index: segments, value: key(segments), selected: on });
    emit("input", value);
    emit("change", value);
  }

  function draw() {
    checked = new Set((state.value || []).map(key));
    tree.replaceChildren(...state.tree.map((entry) => item(entry, [])));
    for (const segments of state.value || []) { // open the folders of the checked files
      let list = tree;
      for (const name of segments.slice(0, -1)) {
        const li = [...list.children].find((c) => c.firstChild?.textContent === name);
        if (!li) break;
        li.setAttribute("aria-expanded", "true");
        list = li.querySelector("ul");
        list.hidden = false;
      }
    }
  }

  function update(patch) {
    Object.assign(state, patch);
    if ("label" in patch) tree.setAttribute("aria-label", state.label ?? "");
    if ("height" in patch || "max_height" in patch || "min_height" in patch) {
      const px = (v) => (v == null ? "" : typeof v === "number" ? `${v}px` : v);
      tree.style.height = px(state.height);
      tree.style.maxHeight = px(state.max_height);
      tree.style.minHeight = px(state.min_height);
    }
    if ("value" in patch || "tree" in patch || "interactive" in patch) draw();
    labelled.update(patch);
  }

  update(state);
  return { el, update, destroy() {} };
}
