// Timer: nothing to see; while active the page fires "tick" every `value` seconds. A hidden page
// (another tab, minimised) does not tick: the timer starts again when it is shown.
import { h } from "../index.js";

export function render(props, emit) {
  const el = h("div", { className: "timer", hidden: true });
  const state = { value: 1, active: true, ...props };
  let handle = null;

  function restart() {
    clearInterval(handle);
    handle = null;
    const seconds = Number(state.value);
    if (state.active !== false && seconds > 0 && document.visibilityState !== "hidden") {
      handle = setInterval(() => emit("tick"), seconds * 1000);
    }
  }

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch || "active" in patch) restart();
  }

  update(props);
  document.addEventListener("visibilitychange", restart);
  return { el, update, destroy() { clearInterval(handle); document.removeEventListener("visibilitychange", restart); } };
}
