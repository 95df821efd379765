// HTML: the value shown as HTML, unsanitized as in Gradio; html_template and css_template are
// JavaScript template literals seeing `value` and `props`; js_on_load runs with element, props, trigger.
import { h } from "../index.js";

function fill(template, value, props) {
  try {
    return new Function("value", "props", `with (props) { return \`${template}\`; }`)(value ?? "", props);
  } catch (error) {
    console.error("gr.HTML template:", error);
    return "";
  }
}

export function render(props, emit) {
  const state = { html_template: "${value}", css_template: "", ...props };
  const label = h("span", { className: "label" });
  const style = h("style");
  const body = h("div", { className: "html-body" });
  const el = h("div", { className: "html" }, label, style, body);

  function draw() {
    const scope = { ...state, value: state.value };
    body.innerHTML = fill(state.html_template ?? "${value}", state.value, scope);
    style.textContent = state.css_template ? fill(state.css_template, state.value, scope) : "";
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
  return { el, update, destroy() {} };
}
