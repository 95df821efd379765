"""gr.render's core (blocks/render.py): a render run builds a subtree of its own.

The event path, the page and gr.render itself are not wired yet; these test the tree a run builds.
"""

import time

import pytest

import blocks as gr
from blocks.render import RENDER_ID_BASE, RenderTree
from tests.server.conftest import Page, value


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


# -- through the event path ---------------------------------------------------------------------


def _counter_app():
    with gr.Blocks() as demo:
        count = gr.Slider(1, 5, step=1, value=2, label="Count")
        out = gr.Textbox(label="Joined")

        @gr.render(inputs=count)
        def boxes(k):
            fields = [gr.Textbox(key=f"box-{i}", label=f"Box {i}", value=f"v{i}") for i in range(k)]
            gr.Button("Join").click(lambda *v: "-".join(v), fields, out)
    return demo, count, out


def _renders(page):
    return [m for m in page.messages if m["type"] == "render"]


def _by_label(frame):
    return {(c["props"].get("label") or c["props"].get("value")): int(cid) for cid, c in frame["components"].items()}


def test_load_renders_and_a_rendered_button_reads_rendered_boxes_into_a_static_output(serve):
    demo, count, out = _counter_app()
    page = Page(serve(demo))
    [frame] = _renders(page)
    ids = _by_label(frame)
    assert sorted(ids) == ["Box 0", "Box 1", "Join"]
    assert frame["components"][str(ids["Box 0"])]["props"]["value"] == "v0"
    button = gr.Button(render=False)
    button.id = ids["Join"]
    box1 = gr.Textbox(render=False)
    box1.id = ids["Box 1"]
    assert value(page.event(button, "click", values={box1: "typed"}), out) == "v0-typed"


def test_a_trigger_re_renders_key_keeps_ids_and_old_listeners_stop(serve):
    demo, count, out = _counter_app()
    page = Page(serve(demo))
    first = _by_label(_renders(page)[0])
    page.event(count, "change", values={count: 3})
    second = _by_label(_renders(page)[1])
    assert sorted(second) == ["Box 0", "Box 1", "Box 2", "Join"]
    assert second["Box 0"] == first["Box 0"] and second["Join"] != first["Join"]
    old = gr.Button(render=False)
    old.id = first["Join"]
    page.event(old, "click", wait=False)
    assert "no listener" in page.recv()["message"]  # the last run's button is gone
    new = gr.Button(render=False)
    new.id = second["Join"]
    assert value(page.event(new, "click"), out) == "v0-v1-v2"


def test_a_page_cannot_touch_another_pages_render(serve):
    demo, _, out = _counter_app()
    url = serve(demo)
    one, two = Page(url), Page(url)
    ids_one, ids_two = _by_label(_renders(one)[0]), _by_label(_renders(two)[0])
    assert not set(ids_one.values()) & set(ids_two.values())
    foreign = gr.Button(render=False)
    foreign.id = ids_one["Join"]
    two.event(foreign, "click", wait=False)
    answer = two.recv()  # the other session's listeners are not this one's: refused, nothing runs
    assert answer["title"] == "Bad request" and "no listener" in answer["message"]
    mine = gr.Button(render=False)
    mine.id = ids_one["Join"]
    assert value(one.event(mine, "click"), out) == "v0-v1"


def test_an_error_in_the_render_function_is_shown_and_the_page_keeps_working(serve):
    with gr.Blocks() as demo:
        n = gr.Number(value=1, label="N")

        @gr.render(inputs=n)
        def show(k):
            if k > 1:
                raise ValueError("too many")
            gr.Textbox(label="One")
        doubled = gr.Number(label="Doubled")
        n.submit(lambda k: k * 2, n, doubled)
    page = Page(serve(demo))
    page.event(n, "change", values={n: 2})
    assert page.errors() and "failed" in page.errors()[-1]["message"]
    assert value(page.event(n, "submit", values={n: 3}), doubled) == 6


def test_a_sessions_rendered_trees_go_when_it_ends(serve):
    demo, _, _ = _counter_app()
    page = Page(serve(demo))
    [place] = demo.renders
    rendered = list(_by_label(_renders(page)[0]).values())
    assert list(place.trees) == [page.session_hash]
    page.bye()
    deadline = time.monotonic() + 5
    while place.trees and time.monotonic() < deadline:
        time.sleep(0.05)
    assert place.trees == {}
    assert not set(rendered) & set(demo.blocks_by_id)


def test_blocks_clear_empties_the_app_to_build_it_again_as_gradio(serve):
    """blocks_neural_instrument_coding builds `demo = gr.Blocks()` then `with demo.clear():`."""
    demo = gr.Blocks()
    with demo:
        gone = gr.Textbox(label="Gone")
        gr.Button("Old").click(lambda: "old", None, gone, api_name="shout")
    with demo.clear():
        box, out = gr.Textbox(label="In"), gr.Textbox(label="Out")
        go = gr.Button("Go")
        go.click(lambda text: text.upper(), box, out, api_name="shout")  # the old listener's name is free
    labels = [c["props"].get("label") for c in demo.config()["components"].values()]
    assert "Gone" not in labels and {"In", "Out"} <= set(labels) and len(demo.dependencies) == 1
    page = Page(serve(demo))
    assert value(page.event(go, "click", {box: "hi"}), out) == "HI"
    with pytest.raises(gr.BlocksError, match=r"Blocks.clear\(\): this app is being served"):
        demo.clear()
