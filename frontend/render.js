// gr.render on the page: a "render" frame's subtree replaces what the render built last (views,
// listeners), keeping key= components' elements. Loaded with the first such frame (index.js).
import { LAYOUTS, dispatch, loadRenderers } from "./index.js";

export async function mountRender(page, frame) {
  const { id, layout = [], components = {}, dependencies = [], reset = [] } = frame;
  const place = page.views.get(String(id));
  page.renders ??= new Map();
  const last = page.renders.get(String(id)) ?? { ids: [], deps: new Set() };
  if (!place) { // inside a lazily mounted Tab: mounted when the Tab is first shown (mount), but
    // its listeners count now (one may listen to a static button that is on screen)
    (page.waitingRenders ??= new Map()).set(String(id), frame);
    page.dependencies = page.dependencies.filter((d) => !last.deps.has(d.id)).concat(dependencies);
    page.renders.set(String(id), { ids: last.ids, deps: new Set(dependencies.map((d) => d.id)) });
    return;
  }
  const names = new Set(Object.values(components).map((c) => c.renderer).filter((n) => !LAYOUTS.has(n)));
  const modules = await loadRenderers([...names]);
  page.keptViews = new Map();
  for (const cid of last.ids) {
    const view = page.views.get(cid);
    // A nested render kept (same id) keeps its subtree until its own next frame, which follows.
    if (!(cid in components) && page.renders.has(cid)) dropRender(page, cid);
    if (view && cid in components && !LAYOUTS.has(components[cid].renderer)) page.keptViews.set(cid, view);
    else if (view) dropView(page, cid, view);
  }
  page.dependencies = page.dependencies.filter((d) => !last.deps.has(d.id)).concat(dependencies);
  Object.assign(page.config.components, components);
  place.el.replaceChildren(...page.mountChildren({ children: layout }, modules, place).map((view) => view.el));
  // A key= component the user left alone takes the new run's value; one typed into while the
  // run was on its way (dirty: the server has not seen it) keeps what the user typed.
  for (const cid of reset) {
    if (page.keptViews.has(String(cid)) && !page.dirty.has(String(cid))) page.patch(String(cid), { value: components[cid].props.value });
  }
  page.keptViews = null;
  page.renders.set(String(id), { ids: Object.keys(components), deps: new Set(dependencies.map((d) => d.id)) });
  dispatch("blocks:render", { id });
}

export function dropView(page, cid, view) {
  view.destroy?.();
  page.views.delete(cid);
  page.dirty.delete(cid);
  delete page.config.components[cid];
}

export function dropRender(page, id) {
  const { ids, deps } = page.renders.get(id);
  page.renders.delete(id);
  for (const cid of ids) {
    if (page.renders.has(cid)) dropRender(page, cid);
    const view = page.views.get(cid);
    if (view) dropView(page, cid, view);
  }
  page.dependencies = page.dependencies.filter((d) => !deps.has(d.id));
}
