// gr.Walkthrough: gr.Step children as numbered steps of a tablist (tabs.js does the panels and
// keys). As Gradio's: the steps before the selected one are done (a check mark, and the user may
// go back to them); the steps after it are not reached yet and cannot be chosen.
import { h, styles } from "../index.js";
import { renderTabs } from "./tabs.js";

styles("walkthrough", `
.walkthrough { display: flex; flex-direction: column; gap: var(--gap); }
.walkthrough > .tablist { border-bottom: 0; justify-content: space-between; gap: 8px; }
.walkthrough > .tablist > .tab { display: flex; flex-direction: column; align-items: center; gap: 4px; flex: 1; border: 0; }
.walkthrough .step-number {
  display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 50%;
  border: 2px solid var(--border); font-weight: 600;
}
.walkthrough > .tablist > .tab[aria-selected="true"] .step-number { border-color: var(--accent); color: var(--accent); }
.walkthrough > .tablist > .tab.done .step-number { background: var(--accent); border-color: var(--accent); color: #fff; }
`);

function label(button, step, index, current) {
  const done = current >= 0 && index < current;
  const mark = h("span", { className: "step-number" }, done ? "✓" : String(index + 1));
  if (done) mark.setAttribute("aria-hidden", "true"); // its name is the label alone, as Gradio's
  button.replaceChildren(mark, " ", h("span", { className: "step-label" }, step.props.label ?? ""));
  button.classList.toggle("done", done);
}

export function render(props, emit, children = []) {
  return renderTabs(props, emit, children, { label, reachable: (index, current) => index <= current });
}
