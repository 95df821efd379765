"""gr.render's core (blocks/render.py): a render run builds a subtree of its own.

The event path, the page and gr.render itself are not wired yet; these test the tree a run builds.
"""

import blocks as gr
from blocks.render import RENDER_ID_BASE, RenderTree


def _app():
    with gr.Blocks() as demo:
        count = gr.Slider(1, 5, step=1, value=2, label="Count")
        out = gr.Textbox(label="Joined")
    return demo, count, out


def _boxes(out):
    def build(k):
        boxes = [gr.Textbox(key=f"box-{i}", label=f"Box {i}") for i in range(k)]
        gr.Textbox(label="Unkeyed")
        go = gr.Button("Join")
        go.click(lambda *v: " ".join(v), boxes, out)
    return build


def test_a_run_builds_its_own_components_and_listeners_beside_the_static_tree():
    demo, count, out = _app()
    tree = RenderTree(render=False)
    config = tree.build(demo, _boxes(out), 3)
    labels = [c["props"].get("label") or c["props"].get("value") for c in config["components"].values()]
    assert labels == ["Box 0", "Box 1", "Box 2", "Unkeyed", "Join"]
    assert all(int(i) >= RENDER_ID_BASE for i in config["components"])
    assert not set(config["components"]) & {str(b) for b in demo.blocks_by_id}
    assert [str(n["id"]) for n in config["layout"]] == list(config["components"])
    [dep] = config["dependencies"]
    assert dep["outputs"] == [out.id]  # a rendered listener may write to a static component
    assert dep["inputs"] == [int(i) for i in list(config["components"])[:3]]
    assert str(out.id) not in config["components"] and len(demo.dependencies) == 0


def test_a_new_run_replaces_the_last_and_key_keeps_the_id():
    demo, _, out = _app()
    tree = RenderTree(render=False)
    first = tree.build(demo, _boxes(out), 2)
    second = tree.build(demo, _boxes(out), 3)
    first_ids, second_ids = list(first["components"]), list(second["components"])
    assert second_ids[:2] == first_ids[:2]  # key= keeps Box 0 and Box 1
    assert first_ids[2] not in second_ids  # the unkeyed box is a new component
    assert len(second["components"]) == 5 and len(tree.dependencies) == 1


def test_two_sessions_never_share_a_rendered_id():
    demo, _, out = _app()
    one, two = RenderTree(render=False), RenderTree(render=False)
    a = one.build(demo, _boxes(out), 2)
    b = two.build(demo, _boxes(out), 2)
    assert not set(a["components"]) & set(b["components"])
