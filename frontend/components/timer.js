// Timer: nothing to see; while active the page fires "tick" every `value` seconds.
import { h } from "../index.js";

export function render(props, emit) {
  const el = h("div", { className: "timer", hidden: true });
  const state = { value: 1, active: true, ...props };
  let handle = null;

  function restart() {
    clearInterval(handle);
    handle = null;
    const seconds = Number(state.value);
    if (state.active !== false && seconds > 0) handle = setInterval(() => emit("tick"), seconds * 1000);
  }

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch || "active" in patch) restart();
  }

  update(props);
  return { el, update, destroy() { clearInterval(handle); } };
}
