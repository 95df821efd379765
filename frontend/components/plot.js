// gr.Plot: a matplotlib figure as the server drew it (inline SVG, or an <img>), or a plotly figure drawn
// by plotly.js, which is loaded (once, from the installed plotly package) only when a plotly figure shows.
import { h, styles, serverUrl } from "../index.js";

styles("plot", `
.plot-output .plot-figure svg, .plot-output .plot-figure img { max-width: 100%; height: auto; display: block; margin: auto; }
`);

let plotly = null;
function loadPlotly() {
  plotly ??= new Promise((resolve, reject) => {
    const script = h("script", { src: String(serverUrl(window.blocks?.config?.root ?? "/", "vendor/plotly.js", location.href)) });
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => reject(new Error("plotly.js could not be loaded"));
    document.head.append(script);
  });
  return plotly;
}

export function render(props) {
  const state = { ...props };
  const label = h("span", { className: "label" });
  const figure = h("div", { className: "plot-figure", role: "figure" });
  const el = h("div", { className: "field plot-output" }, label, figure);

  async function draw(value) {
    figure.replaceChildren();
    if (!value) return;
    if (value.type === "matplotlib" && value.format === "svg") {
      figure.innerHTML = value.plot; // drawn by matplotlib on the server from the app's own figure
    } else if (value.type === "matplotlib") {
      figure.append(h("img", { src: value.plot, alt: state.label ?? "plot" }));
    } else if (value.type === "plotly") {
      const Plotly = await loadPlotly();
      const spec = JSON.parse(value.plot);
      const box = h("div", {});
      figure.append(box);
      await Plotly.newPlot(box, spec.data ?? [], spec.layout ?? {}, { responsive: true });
    }
  }

  function update(patch) {
    Object.assign(state, patch);
    label.textContent = state.label ?? "";
    label.classList.toggle("sr-only", state.show_label === false || !state.label);
    // format is applied by the server (svg or an image); value is redrawn
    if ("value" in patch) draw(state.value).catch((err) => { figure.textContent = String(err.message); });
  }

  update(state);
  return { el, update, destroy() {} };
}
