// HTML: the value shown as HTML, unsanitized as in Gradio; html_template and css_template are
// JavaScript template literals seeing `value` and the props (`${count}`, or `props.count`), drawn
// again when a listener updates either. css_template applies within this component (nested in its
// id, as Gradio scopes it). js_on_load runs with element, props, trigger. Used as a container, the
// children's views go where the template says `@children` (the template's top level, as in Gradio).
import { h, styles } from "../index.js";

styles("html", `
.html.container { border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
.html.padded { padding: var(--gap); }
.html-children { display: flex; flex-direction: column; gap: var(--gap); margin: var(--gap) 0; }
`);

let scopes = 0;

function fill(template, value, props) {
  try {
    return new Function("value", "props", `with (props) { return \`${template}\`; }`)(value ?? "", props);
  } catch (error) {
    console.error("gr.HTML template:", error);
    return "";
  }
}

export function render(props, emit, children) {
  const state = { html_template: "${value}", css_template: "", ...props };
  const label = h("span", { className: "label" });
  const style = h("style");
  const body = h("div", { className: "html-body", id: `html-scope-${++scopes}` });
  const el = h("div", { className: "html" }, label, style, body);
  if (children) el.classList.add("block"); // a container of its own children, shown as a block

  function draw() {
    const scope = { ...state, value: state.value };
    const template = state.html_template ?? "${value}";
    if (children && template.includes("@children")) {
      const [before, ...after] = template.split("@children");
      body.innerHTML = `${fill(before, state.value, scope)}<div class="html-children"></div>${
        fill(after.join("@children"), state.value, scope)}`;
      body.querySelector(".html-children").append(...children.map((child) => child.el));
    } else {
      body.innerHTML = fill(template, state.value, scope);
      if (children) body.append(h("div", { className: "html-children" }, ...children.map((child) => child.el)));
    }
    const css = state.css_template ? fill(state.css_template, state.value, scope) : "";
    style.textContent = css ? `#${body.id} { ${css} }` : "";
  }

  function update(patch) {
    Object.assign(state, patch);
    draw();
    label.textContent = state.label ?? "";
    label.hidden = !(state.show_label === true && state.label);
    el.classList.toggle("container", state.container === true);
    el.classList.toggle("padded", state.padding === true);
    el.classList.toggle("prose", state.apply_default_css !== false);
    body.style.minHeight = state.min_height ?? "";
    body.style.maxHeight = state.max_height ?? "";
    body.style.overflowY = state.max_height ? "auto" : "";
  }

  update(state);
  if (state.js_on_load) {
    const trigger = (event, data) => emit(event, undefined, data);
    try {
      new Function("element", "props", "trigger", state.js_on_load)(body, state, trigger);
    } catch (error) {
      console.error("gr.HTML js_on_load:", error);
    }
  }
  return { el, update, destroy() {}, childChanged() {} };
}
