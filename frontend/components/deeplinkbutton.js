// gr.DeepLinkButton: a <button> that asks the server to keep what this page shows (window.blocks.deepLink),
// copies the link (this page's URL with ?deep_link=<id>) and says "Link Copied!" for a moment.
import { h, styles } from "../index.js";
import { look } from "./button.js";

styles("deeplinkbutton", `
.deeplinkbutton { display: inline-flex; align-items: center; justify-content: center; gap: 6px; }
.deeplinkbutton svg { width: 1em; height: 1em; flex: none; }
`);

const ICON = `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
  aria-hidden="true"><path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/>
  <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/></svg>`;
const SHOWN_MS = 1000; // how long the copied label stays, as Gradio's

/** Put `text` on the clipboard; where the page may not (plain http off localhost), show it to copy by hand. */
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    window.prompt("Copy this link:", text);
  }
}

export function render(props, emit) {
  const state = { value: "Share via Link", copied_value: "Link Copied!", ...props };
  const label = h("span", {});
  const el = h("button", { type: "button", className: "deeplinkbutton" }, label);
  el.insertAdjacentHTML("afterbegin", ICON);
  let timer = null;

  el.addEventListener("click", async () => {
    emit("click");
    let url;
    try {
      url = await window.blocks.deepLink();
    } catch (err) {
      console.error("blocks: no deep link", err); // the server's reason is already in a toast
      return;
    }
    await copy(url);
    label.textContent = state.copied_value ?? "";
    clearTimeout(timer);
    timer = setTimeout(() => { label.textContent = state.value ?? ""; }, SHOWN_MS);
  });

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch || "copied_value" in patch) label.textContent = state.value ?? "";
    if ("variant" in patch || "size" in patch) look(el, state);
    if ("interactive" in patch) el.disabled = patch.interactive === false;
  }

  update(state);
  return { el, update, destroy() { clearTimeout(timer); } };
}
