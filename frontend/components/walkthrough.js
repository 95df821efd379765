// gr.Walkthrough: gr.Step children as numbered steps of a tablist (tabs.js does the panels and
// keys). As Gradio's: the steps before the selected one are done (a check mark, and the user may
// go back to them); the steps after it are not reached yet and cannot be chosen.
import { h } from "../index.js";
import { renderTabs } from "./tabs.js";

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
