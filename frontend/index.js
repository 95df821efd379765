// The blocks runtime: reads the page config, renders the layout tree, loads the
// component renderers and keeps one WebSocket to the server. The protocol and
// the renderer contract are described in docs/architecture.md. Page scripts hook
// in through the `blocks:*` events dispatched on `document` and `window.blocks`.

// Layouts built into this file (no extra request); other layouts have a renderer module that gets
// their mounted children. Keep in step with BUILTIN_RENDERERS in blocks/component.py.
export const LAYOUTS = new Set(["row", "column", "group", "tab"]);
const MAX_FRAME_BYTES = 1 << 20; // the server closes the socket (1009) above this
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2000;
const CLOSE_PROTOCOL_MISUSE = 4400;
const CLOSE_BAD_RESUME = 4401;
const CLOSE_TAKEN_OVER = 4409; // another connection resumed this session
// Every page load sends all stored BrowserState blobs in its hello, one frame: they must fit in it
// together (blocks/sealing.py MAX_PAGE_BYTES, which the server also keeps to when storing).
export const BROWSER_STATE_BUDGET = 900_000;
// Close codes that mean the server refuses this page (message too big, no room, over a limit):
// after a few of them before a session starts, the page stops retrying and says why.
const REFUSALS = new Set([1008, 1009, 1013, 4429]);
const GIVE_UP_REFUSED = 3;
const GIVE_UP_UNREACHABLE = 20; // about 35 s of retries, by then a session could not resume anyway

// ---------------------------------------------------------------------------
// DOM helpers, also imported by the renderers (`import { h } from "../index.js"`:
// the same module instance, so no extra request).

/** Create an element. Props are set as properties, names with a dash as attributes;
 * null, undefined and false props are skipped, null children too. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name.includes("-")) el.setAttribute(name, value === true ? "" : value);
    else el[name] = value;
  }
  el.append(...children.filter((child) => child != null));
  return el;
}

/** A "Copy" button (Gradio's): writes `text()` to the clipboard, says "Copied" for a moment, then
 * calls `copied(text)` (a renderer emits its `copy` event there). `name`: an accessible name other
 * than "Copy" (where a page may show several), "Copied" too while it says so. */
export function copyButton(className, text, copied = () => {}, name = null) {
  const button = h("button", { type: "button", className, textContent: "Copy", hidden: true });
  const say = (words, label) => { button.textContent = words; attr(button, "aria-label", label); };
  say("Copy", name);
  let timer = null;
  button.addEventListener("click", async () => {
    const value = text();
    try { await navigator.clipboard.writeText(value); } catch (err) { console.error("blocks: copy failed", err); }
    say("Copied", name && "Copied");
    clearTimeout(timer);
    timer = setTimeout(() => say("Copy", name), 2000);
    copied(value);
  });
  return button;
}

/** Set an attribute, or remove it when `value` is null, undefined, false or "". */
export function attr(el, name, value) {
  if (value == null || value === false || value === "") el.removeAttribute(name);
  else el.setAttribute(name, value === true ? "" : value);
}

/** Show `text` in the description element `info` and point `target`'s aria-describedby at it. */
export function describe(target, info, text) {
  info.textContent = text ?? "";
  info.hidden = !text;
  if (text) target.setAttribute("aria-describedby", info.id);
  else target.removeAttribute("aria-describedby");
}

/** A labelled input: `<div class=field><label for><p class=info>control</div>`.
 * Returns {el, update(patch), swap(control)}; update handles label, show_label and info. */
let lastStyle = null;

/** A renderer's own CSS, added once when its module loads: after style.css and before the app's
 * css= (which keeps overriding it), so a page carries only the CSS of the renderers it uses. */
export function styles(name, css) {
  const id = `blocks-css-${name}`;
  if (typeof document === "undefined" || document.getElementById(id)) return; // node's unit tests have no DOM
  const style = h("style", { id });
  style.textContent = css;
  const after = lastStyle ?? document.querySelector('link[rel="stylesheet"][href$="style.css"]');
  if (after) after.after(style);
  else document.head.append(style);
  lastStyle = style;
}

export function field(props, control) {
  const inputId = `blocks-input-${props.id}`;
  const label = h("label", { className: "label", htmlFor: inputId });
  const info = h("p", { className: "info", id: `blocks-info-${props.id}` });
  control.id = inputId;
  const el = h("div", { className: "field" }, label, info, control);
  const state = { info: null };
  function update(patch) {
    if ("label" in patch) label.textContent = patch.label ?? "";
    if ("show_label" in patch) label.classList.toggle("sr-only", patch.show_label === false);
    if ("info" in patch) describe(control, info, (state.info = patch.info));
  }
  function swap(next) {
    next.id = inputId;
    control.replaceWith(next);
    control = next;
    describe(control, info, state.info);
  }
  update(props);
  return { el, update, swap };
}

// ---------------------------------------------------------------------------
// Pure helpers (tested in tests/frontend/).

/** The URL of `path` on the server, given the config's `root` and the page's URL. */
export function serverUrl(root, path, pageUrl) {
  const base = new URL(root || "./", pageUrl);
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  return new URL(path, base);
}

/** The WebSocket URL: `root + "ws"`, ws: or wss: like the page, with the page's query
 * string so that gr.Request.query_params sees it. */
export function socketUrl(root, pageUrl) {
  const url = serverUrl(root, "ws", pageUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.search = new URL(pageUrl).search;
  return url.href;
}

/** The dependencies that `event` on component `target` triggers. */
export function triggeredBy(dependencies, target, event) {
  return dependencies.filter((dep) =>
    dep.triggers.some(([id, name]) => String(id) === String(target) && name === event));
}

/** The component ids that `triggered` dependencies may write to, following the `.change`
 * listeners of their outputs and their `.then`/`.success`/`.failure` followers (`after`; the
 * server runs both within the same event); outputs of show_progress="hidden" ones are left out. */
export function pendingOutputs(dependencies, triggered) {
  const outputs = new Set();
  const seen = new Set();
  const visit = (dep) => {
    if (seen.has(dep)) return;
    seen.add(dep);
    if (dep.show_progress !== "hidden") (dep.show_progress_on ?? dep.outputs).forEach((id) => outputs.add(String(id)));
    for (const id of dep.outputs) triggeredBy(dependencies, id, "change").forEach(visit);
    dependencies.filter((next) => next.after && next.after[0] === dep.id).forEach(visit);
  };
  triggered.forEach(visit);
  return [...outputs];
}

/** How the outputs of `triggered` show that they wait: "minimal" (a small spinner) when every
 * listener asked for it, else "full" (an overlay with a spinner and the elapsed seconds). */
export function progressMode(triggered) {
  return triggered.length && triggered.every((dep) => dep.show_progress === "minimal") ? "minimal" : "full";
}

/** The delay before the next reconnect attempt. */
export function nextDelay(delay) {
  return Math.min(delay * 2, RETRY_MAX_MS);
}

/** The stored BrowserState blobs ({id: blob | null}) that fit in `budget` bytes together: the
 * largest are left out until the rest fit. Returns {kept, dropped: {id: bytes}}. */
export function fitBlobs(blobs, budget = BROWSER_STATE_BUDGET) {
  const kept = { ...blobs };
  const sizes = Object.fromEntries(Object.entries(kept).filter(([, blob]) => blob != null)
    .map(([id, blob]) => [id, frameBytes(blob)]));
  let total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
  const dropped = {};
  for (const id of Object.keys(sizes).sort((a, b) => sizes[b] - sizes[a])) {
    if (total <= budget) break;
    total -= sizes[id];
    dropped[id] = sizes[id];
    kept[id] = null;
  }
  return { kept, dropped };
}

/** How many failed connections in a row (none reached a session) make the page stop retrying. */
export function attemptsBeforeGivingUp(code) {
  return REFUSALS.has(code) ? GIVE_UP_REFUSED : GIVE_UP_UNREACHABLE;
}

/** The size of a text frame in UTF-8 bytes (exact only when it matters). */
export function frameBytes(text) {
  return text.length * 3 <= MAX_FRAME_BYTES ? text.length : new TextEncoder().encode(text).length;
}

/** elem_classes as a list of class names: from a list or a string, either possibly holding
 * space-separated names ("a b", as Gradio allows), or null. */
export function classList(value) {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => item != null).flatMap((item) => String(item).split(/\s+/)).filter(Boolean);
}

export function dispatch(name, detail) {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

function readStorage(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: the server falls back to the default value
  }
}

function writeStorage(key, blob) {
  try {
    if (blob == null) localStorage.removeItem(key);
    else localStorage.setItem(key, blob);
  } catch (err) {
    console.warn(`blocks: cannot write localStorage key ${key}`, err);
  }
}

// ---------------------------------------------------------------------------
// Rendering.

/** Props the runtime applies to every renderer's `el` (docs/architecture.md). */
function applyCommon(view, patch) {
  const { el } = view;
  if ("visible" in patch) el.hidden = patch.visible === false || patch.visible === "hidden";
  if ("elem_id" in patch) el.id = patch.elem_id || `component-${view.id}`;
  if ("container" in patch) el.classList.toggle("no-container", patch.container === false);
  if ("elem_classes" in patch) {
    el.classList.remove(...view.classes);
    view.classes = classList(patch.elem_classes);
    el.classList.add(...view.classes);
  }
  if ("scale" in patch) {
    el.style.flexGrow = patch.scale ?? "";
    el.style.flexBasis = patch.scale === 0 ? "auto" : ""; // scale 0: as wide as its content
  }
  if ("min_width" in patch) el.style.minWidth = patch.min_width ? `min(${patch.min_width}px, 100%)` : "";
}

/** Row, Column and Group: a flex container of the children. */
function renderLayout(name, props, children) {
  const el = h("div", { className: name }, ...children);
  function update(patch) {
    if ("variant" in patch) {
      el.classList.remove("panel", "compact");
      if (patch.variant === "panel" || patch.variant === "compact") el.classList.add(patch.variant);
    }
    if ("equal_height" in patch) el.classList.toggle("equal-height", Boolean(patch.equal_height));
    for (const [prop, style] of [["height", "height"], ["max_height", "maxHeight"], ["min_height", "minHeight"]]) {
      if (prop in patch) el.style[style] = typeof patch[prop] === "number" ? `${patch[prop]}px` : patch[prop] ?? "";
    }
  }
  update(props);
  return { el, update, destroy() {} };
}

/** A Tab: a tabpanel whose children are mounted when it is first shown (`reveal`), as Gradio's are;
 * the Tabs renderer that holds it shows, hides and labels it. */
function renderTab(props, mountChildren) {
  const el = h("div", { className: "tabpanel column", role: "tabpanel" });
  let mounted = false;
  function reveal() {
    if (mounted) return;
    mounted = true;
    el.append(...mountChildren());
  }
  function update(patch) {
    for (const [prop, style] of [["height", "height"], ["max_height", "maxHeight"]]) {
      if (prop in patch) el.style[style] = typeof patch[prop] === "number" ? `${patch[prop]}px` : patch[prop] ?? "";
    }
  }
  update(props);
  return { el, update, reveal, destroy() {} };
}

/** Import the renderer modules in parallel; a name that fails to load maps to null. */
export async function loadRenderers(names) {
  const modules = await Promise.all(names.map((name) => {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) return Promise.resolve(null);
    return import(new URL(`components/${name}.js`, import.meta.url).href).catch((err) => {
      console.error(`blocks: renderer "${name}" failed to load`, err);
      return null;
    });
  }));
  return new Map(names.map((name, i) => [name, modules[i]]));
}

function brokenView(id, name) {
  const el = h("div", { className: "render-error", role: "note" }, `This component (${name}, id ${id}) cannot be shown.`);
  return { el, update() {}, destroy() {} };
}

// ---------------------------------------------------------------------------
// The page: its components, the values the user changed, the connection.

class Page {
  constructor(config) {
    this.config = config;
    this.dependencies = config.dependencies ?? [];
    this.browserState = config.browser_state ?? {};
    this.views = new Map(); // component id (string) -> {id, el, props, update, destroy, classes}
    this.deferred = new Map(); // id -> props updated before its view was mounted (a hidden tab's)
    this.dirty = new Map(); // component id -> value the user set since the last event sent
    this.scrollTo = new Map(); // event seq -> output id to scroll into view when done
    this.known = new Map(); // component id -> its latest value seen by the page (for listener js=)
    this.pending = new Map(); // event seq -> output ids shown as pending
    this.unconfirmed = new Map(); // event seq -> values it carries, until its done update
    this.busy = new Map(); // component id -> number of events it waits for
    this.running = new Map(); // "target:event" -> seq of its event still running (trigger_mode)
    this.runningKey = new Map(); // seq -> "target:event"
    this.again = new Set(); // always_last triggers to send once more when their event is done
    this.links = new Map(); // seq -> {resolve, reject} of a deep link asked for (gr.DeepLinkButton)
    this.seq = 0;
    this.socket = null;
    this.token = null; // resume token: kept in memory only, never in storage
    this.live = false; // the server accepted our hello on the current socket
    this.outbox = [];
    this.delay = RETRY_FIRST_MS;
    this.failures = 0; // connections in a row closed before the server started a session
    this.reconnecting = false;
    this.leaving = false; // pagehide: do not reconnect
    this.ended = false; // expired or refused: do not reconnect
    this.ready = false;
    this.toasts = h("div", { className: "toasts", role: "status", "aria-live": "polite" });
  }

  /** Render into `root` and connect; messages that arrive early wait for the render. */
  start(root) {
    document.body.append(this.toasts);
    this.rendered = this.render(root).catch((err) => console.error("blocks: render failed", err));
    this.connect();
    addEventListener("pagehide", () => this.leave());
    // A page restored from the back/forward cache has ended its session: start a new one.
    addEventListener("pageshow", (event) => event.persisted && location.reload());
  }

  async render(root) {
    const names = new Set();
    const walk = (node) => {
      const spec = this.config.components[node.id];
      if (spec && !LAYOUTS.has(spec.renderer)) names.add(spec.renderer);
      (node.children ?? []).forEach(walk);
    };
    walk(this.config.layout);
    if (this.config.navbar) names.add("navbar");
    const modules = await loadRenderers([...names]);
    if (this.config.navbar) root.before(this.mountNavbar(modules).el);
    root.append(...this.mountChildren(this.config.layout, modules).map((view) => view.el));
  }

  /** A multipage app's navbar (Blocks.route), above the page: the page's gr.Navbar (its updates apply),
   * else one with Gradio's defaults. */
  mountNavbar(modules) {
    const { id, ...site } = this.config.navbar;
    const spec = id == null ? null : this.config.components[id];
    if (!spec) return this.renderComponent("navbar", { id: "navbar", ...site, root: this.config.root }, modules.get("navbar"));
    spec.props = { ...spec.props, ...site, root: this.config.root };
    return this.mount({ id }, modules);
  }

  /** Mount the children of a layout node; returns their views. */
  mountChildren(node, modules, parent = null) {
    return (node.children ?? []).map((child) => this.mount(child, modules, parent)).filter(Boolean);
  }

  /** Render one node of the layout tree (its children first, unless they are mounted lazily) and
   * return its view: {id, el, props, emit, update, destroy} (+ reveal for a lazy Tab). */
  mount(node, modules, parent = null) {
    const spec = this.config.components[node.id];
    if (!spec) {
      console.warn(`blocks: component ${node.id} is in the layout but not in config.components`);
      return null;
    }
    // Updates that arrived before a lazily mounted block was shown apply now.
    const props = { ...spec.props, ...this.deferred.get(String(node.id)), id: node.id };
    this.deferred.delete(String(node.id));
    const kept = this.keptViews?.get(String(node.id)); // a gr.render's key= component: same element
    if (kept && !node.children) {
      const { value, ...rest } = props;
      kept.update(rest);
      return kept;
    }
    const self = { parent };
    if ("value" in props) this.known.set(String(node.id), props.value);
    let view;
    if (spec.renderer === "tab") {
      view = renderTab(props, () => this.mountChildren(node, modules, self).map((child) => child.el));
    } else if (LAYOUTS.has(spec.renderer)) {
      view = renderLayout(spec.renderer, props, this.mountChildren(node, modules).map((child) => child.el));
    } else if (node.children) { // a layout with a renderer module: it places its children's views
      const children = this.mountChildren(node, modules, self);
      view = this.renderComponent(spec.renderer, props, modules.get(spec.renderer), children);
    } else {
      view = this.renderComponent(spec.renderer, props, modules.get(spec.renderer));
      view.el.classList.add("block");
    }
    view = Object.assign(self, view); // children hold `self` as their parent before it is rendered
    view.id = node.id;
    view.props = props;
    view.emit = (event, value, data) => this.emit(node.id, event, value, data);
    view.classes = [];
    try {
      applyCommon(view, { elem_id: null, ...props });
    } catch (err) { // one bad prop must not blank the page
      console.error(`blocks: cannot apply the props of component ${node.id}`, err);
    }
    this.views.set(String(node.id), view);
    const waiting = this.waitingRenders?.get(String(node.id)); // a gr.render in a Tab shown only now
    if (waiting) {
      this.waitingRenders.delete(String(node.id));
      queueMicrotask(() => this.mountRender(waiting));
    }
    return view;
  }

  renderComponent(name, props, module, children) {
    if (!module) return brokenView(props.id, name);
    try {
      return module.render(props, (event, value, data) => this.emit(props.id, event, value, data), children);
    } catch (err) {
      console.error(`blocks: renderer "${name}" failed for component ${props.id}`, err);
      return brokenView(props.id, name);
    }
  }

  // -- events: page -> server ------------------------------------------------

  /** An upload begins: until every one has ended, emit() holds the user's events (a click on Submit while
   * a file uploads is sent with the file). They go after the uploading renderer's own change and upload
   * events: those follow the end at once, the held ones on the next task. Returns the end's callback. */
  uploading() {
    const upload = {};
    (this.uploads ??= new Set()).add(upload);
    this.held ??= [];
    return () => {
      this.uploads.delete(upload);
      if (this.uploads.size) return;
      setTimeout(() => { for (const args of this.held.splice(0)) this.emit(...args); }, 0);
    };
  }

  /** A renderer reports a user action; send it if a listener waits for it. `data` (an object)
   * becomes the fields of the listener's gr.EventData, e.g. {index, value, selected} for select. */
  emit(target, event, value, data) {
    if (this.uploads?.size) return void this.held.push([target, event, value, data]); // see uploading()
    target = Number(target);
    if (value !== undefined) { this.dirty.set(String(target), value); this.known.set(String(target), value); }
    let deps = triggeredBy(this.dependencies, target, event);
    let jsInputs = null;
    if (deps.some((dep) => dep.js)) ({ deps, jsInputs } = this.runJs(deps));
    if (!deps.length) return;
    if (this.ended) return this.showExpired(); // a dead page must say so, not pulse forever
    const key = `${target}:${event}`;
    if (this.running.has(key)) { // the previous one still runs: the listener's trigger_mode decides
      const mode = deps[0].trigger_mode ?? "multiple";
      if (mode === "once") return;
      if (mode === "always_last") return void this.again.add(key); // values stay dirty until then
    }
    const seq = ++this.seq;
    this.running.set(key, seq);
    this.runningKey.set(seq, key);
    const values = Object.fromEntries(this.dirty);
    this.dirty.clear();
    this.unconfirmed.set(seq, values);
    // The frame goes out first: the page's own bookkeeping below overlaps the server's work.
    if (!this.send({ type: "event", seq, target, event, values, ...(data === undefined ? {} : { data }),
      ...(jsInputs ? { js_inputs: jsInputs } : {}) })) return;
    this.markPending(seq, deps);
    document.querySelectorAll(".validation-message").forEach((p) => p.remove());
    document.querySelectorAll(".invalid").forEach((el) => el.classList.remove("invalid"));
    dispatch("blocks:event", { target, event, seq });
  }

  /** Listeners with js=: their function runs here first, with the inputs' values. As in Gradio,
   * its result becomes the Python function's inputs for this call only (`jsInputs`, by listener:
   * the input boxes keep what the user typed), or, with fn=None, the outputs: shown, and sent with
   * the next event where the user could have typed them. A failing function shows an error toast
   * and stops its listener. Returns the listeners left for the server. */
  runJs(deps) {
    const jsInputs = {};
    deps = deps.filter((dep) => {
      if (!dep.js) return true;
      const args = dep.inputs.map((id) => this.dirty.get(String(id)) ?? this.known.get(String(id)));
      let result;
      try {
        result = new Function(`return (${dep.js});`)()(...args);
      } catch (err) {
        this.showError({ title: "JavaScript error", message: `${err}` });
        return false;
      }
      const targets = dep.has_fn ? dep.inputs : dep.outputs;
      const values = targets.length === 1 ? [result] : Array.isArray(result) ? result : [result];
      targets.forEach((id, i) => {
        if (values[i] === undefined) return;
        id = String(id);
        if (dep.has_fn) (jsInputs[dep.id] ??= {})[id] = values[i];
        else {
          this.patch(id, { value: values[i] });
          if (this.views.get(id)?.props.interactive === true) this.dirty.set(id, values[i]);
        }
      });
      return dep.has_fn;
    });
    return { deps, jsInputs: Object.keys(jsInputs).length ? jsInputs : null };
  }

  /** Once loaded: Blocks(js=) / launch(js=), then the demo.load(js=) listeners without Python. */
  runPageJs() {
    if (this.config.js) {
      try { new Function(`return (${this.config.js});`)()(); } catch (err) {
        this.showError({ title: "JavaScript error", message: `${err}` });
      }
    }
    const rootId = this.config.layout.id;
    this.runJs(this.dependencies.filter((dep) => dep.js && !dep.has_fn
      && dep.triggers.some(([id, event]) => id === rootId && event === "load")));
  }

  /** Set a component's value as if the user had, then fire `event` (window.blocks.send). */
  set(target, event, value) {
    const view = this.views.get(String(target));
    if (value !== undefined && view) view.update({ value });
    this.emit(target, event, value);
  }

  send(message) {
    const text = JSON.stringify(message);
    if (frameBytes(text) > MAX_FRAME_BYTES) {
      this.finish(message.seq);
      this.unconfirmed.delete(message.seq);
      this.showError({ title: "Error", message: "This input is too large to send (over 1 MB).", seq: message.seq });
      return false;
    }
    if (this.live) this.socket.send(text);
    else this.outbox.push({ seq: message.seq, text });
    return true;
  }

  markPending(seq, deps) {
    const ids = pendingOutputs(this.dependencies, deps).filter((id) => this.views.has(id));
    const mode = progressMode(deps);
    const scroll = deps.find((dep) => dep.scroll_to_output && dep.outputs.length);
    if (scroll) this.scrollTo.set(seq, String(scroll.outputs[0]));
    ids.forEach((id) => this.setBusy(id, 1, mode));
    this.pending.set(seq, ids);
  }

  /** An event waits for a free slot of its listener: its pending outputs say where it is, as
   * Gradio's do ("queue: 1/2 | 0.4/3.1s", the expected seconds once the server has an estimate);
   * position 0: it runs now, and `eta` (if known) is how long a run usually takes. */
  showQueue({ seq, position, size, eta }) {
    for (const id of this.pending.get(seq) ?? []) {
      const { el } = this.views.get(id);
      const overlay = el.querySelector(":scope > .progress.full");
      let badge = el.querySelector(":scope > .queue-status, :scope > .progress > .queue-status");
      if (overlay && eta != null) overlay.total = (performance.now() - overlay.start) / 1000 + eta;
      if (!position) { badge?.remove(); continue; }
      if (!badge) {
        badge = h("span", { className: "queue-status" }); // inside the overlay, its status says it
        if (overlay) overlay.querySelector(".progress-elapsed").before(badge);
        else el.append(badge), badge.setAttribute("role", "status");
      }
      badge.textContent = overlay ? `queue: ${position}/${size} | ` : `queue: ${position}/${size}`;
    }
  }

  /** gr.Progress in a running listener: a bar with its description and percentage over its outputs. */
  showProgress({ seq, progress, desc, index, total, unit }) {
    for (const id of this.pending.get(seq) ?? []) {
      const overlay = this.views.get(id).el.querySelector(":scope > .progress.full");
      if (!overlay) continue;
      let bar = overlay.querySelector("progress");
      if (!bar) overlay.append(h("span", { className: "progress-desc" }), (bar = h("progress", { max: 1 })));
      const percent = progress == null ? "" : `${Math.round(progress * 100)}%`;
      const count = index != null && total ? `${index}/${total} ${unit}` : "";
      overlay.querySelector(".progress-desc").textContent = [desc, count, percent].filter(Boolean).join(" · ");
      if (progress == null) bar.removeAttribute("value");
      else bar.value = progress;
      bar.setAttribute("aria-label", desc || "Progress");
    }
  }

  finish(seq) {
    const key = this.runningKey.get(seq);
    if (key !== undefined) {
      this.runningKey.delete(seq);
      if (this.running.get(key) === seq) this.running.delete(key);
      if (this.again.delete(key)) {
        const at = key.indexOf(":");
        this.emit(key.slice(0, at), key.slice(at + 1));
      }
    }
    const first = this.scrollTo.get(seq);
    if (first !== undefined) { // scroll_to_output=True: the first output, once done
      this.scrollTo.delete(seq);
      this.views.get(first)?.el.scrollIntoView({ block: "nearest" });
    }
    const ids = this.pending.get(seq);
    if (!ids) return;
    this.pending.delete(seq);
    ids.forEach((id) => this.setBusy(id, -1));
    ids.forEach((id) => { if (!this.busy.has(id)) this.views.get(id).el.querySelector(":scope > .queue-status")?.remove(); });
  }

  setBusy(id, delta, mode = "full") {
    const count = (this.busy.get(id) ?? 0) + delta;
    const { el } = this.views.get(id);
    el.classList.toggle("pending", count > 0);
    let overlay = el.querySelector(":scope > .progress");
    if (count > 0) {
      this.busy.set(id, count);
      el.setAttribute("aria-busy", "true");
      if (!overlay) el.append(busyOverlay(mode));
    } else {
      this.busy.delete(id);
      el.removeAttribute("aria-busy");
      if (overlay) { clearInterval(overlay.timer); overlay.remove(); }
    }
  }

  // -- the connection ----------------------------------------------------------

  connect() {
    // The page opens its first socket in an inline script, while this module loads.
    const early = window.blocksEarlySocket;
    window.blocksEarlySocket = null;
    const usable = early && early.readyState <= WebSocket.OPEN && !this.token;
    const socket = usable ? early : new WebSocket(socketUrl(this.config.root, location.href));
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify(this.hello()));
    socket.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (err) {
        console.error("blocks: unreadable message from the server", err);
        return;
      }
      const handled = this.rendered.then(() => this.receive(message));
      if (message.type === "render") this.rendered = handled.catch(() => {}); // later frames wait for its mount
      handled.catch((err) => console.error("blocks: cannot handle a message from the server", message, err));
    };
    socket.onclose = (event) => this.closed(socket, event.code, event.reason);
    if (socket.readyState === WebSocket.OPEN) socket.onopen();
  }

  /** The first frame: the resume token, and the stored BrowserState blobs that fit in one frame;
   * those that do not are removed from storage (the server could never take them) and named. */
  hello() {
    const stored = {};
    for (const [id, key] of Object.entries(this.browserState)) stored[id] = readStorage(key);
    const { kept, dropped } = fitBlobs(stored);
    for (const [id, size] of Object.entries(dropped)) {
      console.warn(`blocks: removed BrowserState "${this.browserState[id]}" (${size} bytes) from localStorage: `
        + `this page's stored values together must stay under ${BROWSER_STATE_BUDGET} bytes; it starts with its default value.`);
      writeStorage(this.browserState[id], null);
    }
    const message = { type: "hello", resume: this.token, browser_state: kept };
    if (this.config.navbar) message.route = this.config.navbar.page; // the app's page this session is of
    const link = new URLSearchParams(location.search).get("deep_link"); // a shared link: start from its values
    if (link && !this.token) message.deep_link = link;
    if (Object.keys(dropped).length) message.dropped = dropped;
    return message;
  }

  closed(socket, code, reason) {
    if (socket !== this.socket) return;
    this.socket = null;
    if (!this.live) this.failures += 1;
    this.live = false;
    // Answers to events already sent are lost with the socket; queued ones stay pending.
    const queued = new Set(this.outbox.map((entry) => entry.seq));
    for (const [seq, { reject }] of this.links) if (!queued.has(seq)) this.links.delete(seq), reject(new Error("connection lost"));
    [...this.pending.keys()].filter((seq) => !queued.has(seq)).forEach((seq) => this.finish(seq));
    if (this.leaving || this.ended) return;
    if (code === CLOSE_BAD_RESUME || code === CLOSE_TAKEN_OVER) return this.expire();
    if (code === CLOSE_PROTOCOL_MISUSE) {
      this.end();
      this.showError({ title: "Connection closed", message: "The server refused a message from this page. Reload the page." });
      return;
    }
    if (this.failures >= attemptsBeforeGivingUp(code)) return this.giveUp(code, reason);
    if (!this.reconnecting) {
      this.reconnecting = true;
      this.connection("reconnecting");
      setTimeout(() => { // a blip that heals within a second is not worth a toast
        if (!this.reconnecting || this.ended || this.offline) return;
        this.offline = this.toast({ kind: "info", title: "Reconnecting…", message: "The connection to the server was lost." });
      }, 1000);
    }
    setTimeout(() => this.connect(), this.delay);
    this.delay = nextDelay(this.delay);
  }

  connection(state) {
    dispatch("blocks:connection", { state });
  }

  /** Connections keep failing before a session starts: stop retrying, and say why. */
  giveUp(code, reason) {
    const attempts = this.failures;
    this.end();
    let why = reason || (code === 1009 ? "A message from this page was too large for the server."
      : "The server cannot be reached.");
    if (!/[.!?]$/.test(why)) why += ".";
    console.error(`blocks: stopped reconnecting after ${attempts} failed connections (close code ${code}): ${why}`);
    const reload = h("button", { type: "button", className: "primary sm", onclick: () => location.reload() }, "Reload");
    const message = `${why} Stopped retrying after ${attempts} attempts; reload the page to try again.`;
    this.toast({ kind: "error", title: "Cannot connect", message, action: reload });
    dispatch("blocks:error", { title: "Cannot connect", message, seq: null });
  }

  /** No more connections: drop what waits to be sent and every pending mark. */
  end() {
    this.ended = true;
    this.again.clear();
    this.offline?.remove();
    this.outbox = [];
    this.unconfirmed.clear();
    [...this.pending.keys()].forEach((seq) => this.finish(seq));
    this.socket?.close(1000);
    this.connection("closed");
  }

  /** pagehide: end the session now rather than when it times out. */
  leave() {
    this.leaving = true;
    const socket = this.socket;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "bye" }));
    else if (this.token) navigator.sendBeacon(serverUrl(this.config.root, "session/close", location.href), this.token);
    socket?.close(1000);
  }

  // -- messages: server -> page --------------------------------------------------

  receive(message) {
    switch (message.type) {
      case "session": return this.opened(message);
      case "update": return this.applyUpdate(message);
      case "error": return this.showError(message);
      case "warning": return console.warn(message.message);
      case "toast": return this.toast({ kind: ["warning", "success"].includes(message.level) ? message.level : "info", title: message.title,
        message: message.message, duration: message.duration });
      case "expired": return this.expire(message.message);
      case "queue": return this.showQueue(message);
      case "progress": return this.showProgress(message);
      case "render": return this.mountRender(message);
      case "link": return this.linked(message);
      default: console.warn("blocks: unknown message from the server", message);
    }
  }

  opened(message) {
    this.token = message.resume;
    this.live = true;
    this.failures = 0;
    this.delay = RETRY_FIRST_MS;
    this.reconnecting = false;
    this.offline?.remove();
    this.offline = null;
    this.connection("open");
    this.outbox.splice(0).forEach(({ text }) => this.socket.send(text));
  }

  /** A gr.render's new subtree replaces its last one inside the placeholder; components of the
   * last run that share an id (key=) keep their element and what the user typed. */


  /** A nested render whose outer run no longer has it: its subtree and listeners go. */

  /** A gr.render's frame: its subtree replaces the last one (render.js, loaded with the first frame). */
  async mountRender(frame) {
    const { mountRender } = await import("./render.js");
    return mountRender(this, frame);
  }

  applyUpdate({ seq = null, updates = {}, done = false }) {
    // seq null: the page values the server sends when a session resumes.
    for (const [id, patch] of Object.entries(updates)) this.patch(id, seq === null ? this.keepUnsent(id, patch) : patch);
    if (done) {
      this.finish(seq);
      this.unconfirmed.delete(seq);
    }
    dispatch("blocks:update", { seq, updates, done });
    if (done && seq === 0 && !this.ready) {
      this.ready = true;
      this.resolveReady?.();
      this.runPageJs();
      dispatch("blocks:ready", {});
    }
  }

  patch(id, patch) {
    const storageKey = this.browserState[id];
    if (storageKey != null && "blob" in patch) writeStorage(storageKey, patch.blob);
    if ("value_tail" in patch) { // a list sent as what changed (a Chatbot streaming): its first `keep` items stay
      const { value_tail: { keep, tail }, ...rest } = patch;
      const before = this.known.get(id) ?? this.deferred.get(id)?.value ?? this.config.components[id]?.props?.value;
      patch = { ...rest, value: [...(Array.isArray(before) ? before.slice(0, keep) : []), ...tail] };
    }
    const view = this.views.get(id);
    if (!view) {
      if (this.config.components[id]) this.deferred.set(id, { ...this.deferred.get(id), ...patch });
      return;
    }
    if ("value" in patch) { this.dirty.delete(id); this.known.set(id, patch.value); }
    try {
      Object.assign(view.props, patch);
      applyCommon(view, patch);
      view.update(patch);
      view.parent?.childChanged?.(view, patch); // e.g. Tabs relabels a Tab's button
    } catch (err) {
      console.error(`blocks: update of component ${id} failed`, patch, err);
    }
  }

  /** A resume snapshot predates the values the user typed since (dirty, or in events not yet
   * done): keep them on the page and send them again with the next event. */
  keepUnsent(id, patch) {
    if (!("value" in patch)) return patch;
    if (!this.dirty.has(id)) {
      const latest = [...this.unconfirmed.values()].filter((values) => id in values).at(-1);
      if (!latest) return patch;
      this.dirty.set(id, latest[id]);
    }
    const { value: _stale, ...rest } = patch;
    return rest;
  }

  expire(message) {
    if (this.ended) return;
    this.end();
    this.expiredMessage = message;
    this.showExpired();
  }

  /** The "Session ended" toast with its Reload button, unless it is already shown. */
  showExpired() {
    if (this.toasts.querySelector(".toast.expired")) return;
    const reload = h("button", { type: "button", className: "primary sm", onclick: () => location.reload() }, "Reload");
    this.toast({
      kind: "expired",
      title: "Session ended",
      message: this.expiredMessage || "This page's session has ended. Reload the page to start a new one.",
      action: reload,
    });
  }

  /** gr.DeepLinkButton: the server keeps what this page shows (its values, with those the user changed
   * and not sent yet) after the events sent before; resolves to this page's URL with ?deep_link=<id>. */
  deepLink() {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.links.set(seq, { resolve, reject });
      if (!this.send({ type: "link", seq, values: Object.fromEntries(this.dirty) })) this.links.delete(seq), reject(new Error("too large"));
    });
  }

  linked({ seq, id }) {
    const waiting = this.links.get(seq);
    if (!waiting) return;
    this.links.delete(seq);
    const url = new URL(location.href);
    url.searchParams.set("deep_link", id);
    waiting.resolve(url.toString());
  }

  showError({ title, message, seq = null, duration = null, fields = null }) {
    const link = this.links.get(seq);
    if (link) this.links.delete(seq), link.reject(new Error(message));
    for (const [id, text] of Object.entries(fields ?? {})) { // a validator's message, at its input
      const view = this.views.get(id);
      if (!view) continue;
      view.el.querySelector(":scope > .validation-message")?.remove();
      view.el.classList.add("invalid");
      view.el.append(h("p", { className: "validation-message", role: "alert" }, text));
    }
    const outputs = [...(this.pending.get(seq) ?? []), ...Object.keys(fields ?? {})];
    outputs.forEach((id) => this.views.get(id)?.el.classList.add("invalid")); // cleared by the next event
    this.toast({ kind: "error", title: title || "Error", message: message ?? "", duration, near: outputs });
    dispatch("blocks:error", { title: title || "Error", message: message ?? "", seq });
  }

  /** Toasts sit at the bottom corner, or at the top when they would cover one of `ids`. */
  avoid(ids) {
    const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const covers = () => {
      const box = this.toasts.getBoundingClientRect();
      return ids.some((id) => { const el = this.views.get(id)?.el; return el && overlaps(box, el.getBoundingClientRect()); });
    };
    this.toasts.classList.remove("top");
    if (covers()) {
      this.toasts.classList.add("top");
      if (covers()) this.toasts.classList.remove("top");
    }
  }

  /** A toast: role=alert, a close button, gone after `duration` seconds when given. */
  toast({ kind, title, message, duration = null, action = null, near = null }) {
    const box = h("div", { className: `toast ${kind}`, role: "alert" },
      h("strong", { className: "toast-title" }, title),
      message ? h("p", { className: "toast-message" }, message) : null,
      action);
    const close = h("button", { type: "button", className: "toast-close", "aria-label": "Close", onclick: () => box.remove() }, "×");
    box.append(close);
    this.toasts.append(box);
    this.avoid(near ?? [...this.pending.values()].flat());
    if (duration > 0) setTimeout(() => box.remove(), duration * 1000);
    return box;
  }
}

/** What a busy output shows: a spinner, and in "full" mode the seconds since it started ("1.2s"),
 * or "1.2/4.5s" once the server has said how long it should take (`overlay.total`). */
function busyOverlay(mode) {
  const elapsed = h("span", { className: "progress-elapsed" }, mode === "full" ? "0.0s" : "");
  const overlay = h("div", { className: `progress ${mode}`, role: "status", "aria-label": "Working" },
    h("span", { className: "spinner", "aria-hidden": "true" }), elapsed);
  if (mode === "full") {
    overlay.start = performance.now();
    overlay.total = null;
    overlay.timer = setInterval(() => {
      const total = overlay.total == null ? "" : `/${overlay.total.toFixed(1)}`;
      elapsed.textContent = `${((performance.now() - overlay.start) / 1000).toFixed(1)}${total}s`;
    }, 100);
  }
  return overlay;
}

// ---------------------------------------------------------------------------
// Boot: only on a page that carries a config (tests and renderers may import this module).

function boot() {
  const script = document.getElementById("blocks-config");
  if (!script) return;
  const config = JSON.parse(script.textContent);
  const page = new Page(config);
  const ready = new Promise((resolve) => (page.resolveReady = resolve));
  window.blocks = {
    config,
    ready,
    /** Set `target`'s value (when given) and fire `event` on it, as a user would. */
    send: (target, event, value) => page.set(target, event, value),
    /** The session's resume token: file uploads carry it, so that they are this session's. */
    sessionToken: () => page.token,
    /** gr.DeepLinkButton: keep what this page shows on the server; resolves to the URL that opens it. */
    deepLink: () => page.deepLink(),
    /** A file upload begins (upload.js); call what it returns when it ends. Events the user fires
     * meanwhile wait for it. */
    uploading: () => page.uploading(),
  };
  const root = document.getElementById("blocks-root") ?? document.querySelector("main") ?? document.body;
  root.classList.toggle("fill-height", Boolean(config.fill_height)); // gr.Blocks(fill_height=True)
  root.classList.toggle("fill-width", Boolean(config.fill_width));
  page.start(root);
}

if (typeof document !== "undefined") boot();
