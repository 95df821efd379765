// gr.Tabs: a tablist of one button per gr.Tab child, then the children's tabpanels, of which only
// the selected one is shown (and mounted: a Tab's view mounts its children on `reveal`).
import { h, attr, styles } from "../index.js";

styles("tabs", `
.tabs { display: flex; flex-direction: column; gap: var(--gap); }
.tablist { display: flex; flex-wrap: wrap; gap: 2px; border-bottom: 1px solid var(--border); }
.tablist > .tab {
  background: none; border: 0; border-bottom: 2px solid transparent; border-radius: 0;
  padding: 6px 14px; margin-bottom: -1px; color: var(--muted);
}
.tablist > .tab[aria-selected="true"] { color: var(--fg); border-bottom-color: var(--accent); }
`);

const KEYS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** The index of the tab `selected` names: a Tab's id, else an index; -1 for none. */
export function resolve(tabs, selected) {
  if (selected == null) return -1;
  const byId = tabs.findIndex((tab) => tab.props.tab_id != null && String(tab.props.tab_id) === String(selected));
  if (byId >= 0) return byId;
  return Number.isInteger(selected) && selected >= 0 && selected < tabs.length ? selected : -1;
}

const shown = (tab) => tab.props.visible !== false && tab.props.visible !== "hidden";

export function render(props, emit, children = []) {
  return renderTabs(props, emit, children);
}

/** A tablist over `children` (Tab views). gr.Walkthrough (walkthrough.js) passes `label(button,
 * tab, index, current)` to draw each button and `reachable(index, current)` to say which it may
 * go to. */
export function renderTabs(props, emit, children = [], { label = null, reachable = () => true } = {}) {
  const tabs = children;
  const usable = (tab, i = tabs.indexOf(tab)) => shown(tab) && tab.props.interactive !== false && reachable(i, current);
  const list = h("div", { className: "tablist", role: "tablist" });
  const buttons = tabs.map((tab, index) => {
    const button = h("button", { type: "button", className: "tab", role: "tab", id: `blocks-tab-${tab.id}` });
    button.addEventListener("click", () => choose(index));
    button.addEventListener("keydown", (event) => onKey(event, index));
    return button;
  });
  list.append(...buttons);
  const el = h("div", { className: label ? "walkthrough" : "tabs" }, list, ...tabs.map((tab) => tab.el));
  let current = -1;
  let requested = props.selected; // what a listener (or the config) last asked for

  /** Show tab `index` (or the first shown one when it cannot be), hide the others. */
  function show(index) {
    if (index < 0 || !shown(tabs[index])) index = tabs.findIndex(shown);
    current = index;
    tabs.forEach((tab, i) => {
      const button = buttons[i];
      if (label) label(button, tab, i, current);
      else button.textContent = tab.props.label ?? "";
      button.hidden = !shown(tab);
      button.disabled = tab.props.interactive === false || !reachable(i, current);
      attr(button, "aria-selected", String(i === current));
      button.tabIndex = i === current ? 0 : -1;
      attr(button, "aria-controls", tab.el.id);
      attr(tab.el, "aria-labelledby", button.id);
      tab.el.hidden = i !== current;
      if (i === current || tab.props.render_children) tab.reveal?.();
    });
  }

  const selectData = (index) => ({ index, value: tabs[index].props.label ?? null, selected: true });

  /** The user picks tab `index`: show it and fire Tabs.select/.change and the Tab's select. */
  function choose(index) {
    if (index === current || !usable(tabs[index])) return;
    requested = index;
    show(index);
    emit("select", undefined, selectData(index));
    emit("change", undefined);
    tabs[index].emit("select", undefined, selectData(index));
  }

  function onKey(event, index) {
    let next = index;
    if (event.key === "Home") next = tabs.findIndex((tab, i) => usable(tab, i));
    else if (event.key === "End") next = tabs.findLastIndex((tab, i) => usable(tab, i));
    else if (event.key in KEYS) {
      const step = KEYS[event.key];
      for (let i = 1; i <= tabs.length; i++) {
        const candidate = (index + step * i + tabs.length * i) % tabs.length;
        if (usable(tabs[candidate])) { next = candidate; break; }
      }
    } else return;
    event.preventDefault();
    if (next < 0) return;
    choose(next);
    buttons[next].focus();
  }

  // As Gradio's: a listener switching tabs fires Tabs.change and the Tab's select (not Tabs.select).
  function update(patch) {
    if (!("selected" in patch)) return;
    const before = current;
    requested = patch.selected;
    show(resolve(tabs, patch.selected));
    if (current === before || current < 0) return;
    emit("change", undefined);
    tabs[current].emit("select", undefined, selectData(current));
  }

  show(resolve(tabs, props.selected));
  // As Gradio's, the tab shown first fires its select when the Tabs mounts (a nested one: when first shown).
  if (current >= 0) queueMicrotask(() => tabs[current].emit("select", undefined, selectData(current)));
  return {
    el,
    update,
    /** A Tab's props changed (label, visible, interactive, elem_id): redraw its button. A tab a
     * listener selected while it was hidden is shown once it is visible (the same reply may
     * reveal it after selecting it). */
    childChanged: () => {
      const wanted = resolve(tabs, requested);
      show(wanted >= 0 && shown(tabs[wanted]) ? wanted : current);
    },
    destroy() {},
  };
}
