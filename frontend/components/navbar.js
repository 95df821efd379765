// Navbar: a multipage app's <nav> above the page (Blocks.route), one link per page, the current one
// marked aria-current="page". Drawn for every page of such an app; a page's gr.Navbar sets its props
// (main_page_name, extra links as its value [[name, path]], visible) and updates them.
import { h, styles } from "../index.js";

styles("navbar", `
.navbar { display: flex; justify-content: flex-end; flex-wrap: wrap; gap: 4px; padding: 8px 16px;
  border-bottom: 1px solid var(--border); background: var(--surface); }
.navbar a { padding: 6px 10px; border: 1px solid transparent; border-radius: var(--radius);
  color: var(--muted); text-decoration: none; }
.navbar a:hover { color: var(--fg); }
.navbar a[aria-current="page"] { color: var(--fg); border-color: var(--border); }
`);

const external = (path) => /^https?:\/\//.test(path);

/** A path as pages are compared: no query, no fragment, no slashes at either end. */
function bare(path) {
  return path.split("?")[0].split("#")[0].replace(/^\/+|\/+$/g, "");
}

/** The links the navbar shows, [path, name], as Gradio lists them: the pages shown in the navbar (the
 * main one under main_page_name, none when it is false), then the value's links to other paths. */
export function navLinks(pages, mainPageName = "Home", extra = null) {
  const links = pages
    .filter(([path, , shown], i) => (i === 0 && path === "" ? mainPageName !== false : shown !== false))
    .map(([path, name], i) => [path, i === 0 && path === "" && typeof mainPageName === "string" ? mainPageName : name]);
  const listed = new Set(links.map(([path]) => path));
  for (const [name, path] of extra ?? []) if (!listed.has(path)) links.push([path, name]);
  return links;
}

export function render(props) {
  const state = { main_page_name: "Home", value: null, ...props };
  const el = h("nav", { className: "navbar", "aria-label": "Pages" });

  function draw() {
    el.replaceChildren(...navLinks(state.pages ?? [], state.main_page_name, state.value).map(([path, name]) => {
      const away = external(path);
      return h("a", {
        href: away ? path : `${state.root ?? "/"}${path.replace(/^\/+/, "")}`,
        target: away ? "_blank" : null,
        rel: away ? "noopener noreferrer" : null,
        "aria-current": !away && bare(path) === bare(state.page ?? "") ? "page" : null,
        textContent: name,
      });
    }));
  }

  function update(patch) {
    Object.assign(state, patch);
    if ("value" in patch || "main_page_name" in patch || "pages" in patch) draw();
  }
  draw();
  return { el, update, destroy() {} };
}
