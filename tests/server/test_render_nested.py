"""gr.render beyond one level: nested renders, rendered listeners in the queue, many sessions at once."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import blocks as gr
from blocks.queue import Queue
from blocks.render import RenderTree
from tests.server.conftest import Page, value


def _renders(page):
    return [m for m in page.messages if m["type"] == "render"]


def _block(cls, cid):
    block = cls(render=False)
    block.id = cid
    return block


def _labels(frame):
    named = {cid: c["props"].get("label") or c["props"].get("value") for cid, c in frame["components"].items()}
    return {name: int(cid) for cid, name in named.items() if name is not None}


def _nested_app():
    with gr.Blocks() as demo:
        count = gr.Slider(1, 5, step=1, value=2, label="Count")

        @gr.render(inputs=count)
        def rows(k):
            for i in range(k):
                word = gr.Textbox(key=f"word-{i}", label=f"Word {i}", value=f"w{i}")

                @gr.render(inputs=word)
                def letters(text, i=i):
                    gr.Textbox(key=f"letters-{i}", label=f"Letters {i}", value=" ".join(text))
    return demo, count


def test_a_nested_render_runs_after_its_outer_run_and_again_on_its_own_input(serve):
    demo, count = _nested_app()
    page = Page(serve(demo))
    outer, *inner = _renders(page)
    assert sorted(_labels(outer)) == ["Word 0", "Word 1"]
    assert [sorted(_labels(f)) for f in inner] == [["Letters 0"], ["Letters 1"]]
    assert [f["id"] for f in inner] == [n["id"] for n in outer["layout"] if str(n["id"]) not in
                                        (str(i) for i in _labels(outer).values())]
    letters1 = _labels(inner[1])["Letters 1"]
    assert inner[1]["components"][str(letters1)]["props"]["value"] == "w 1"
    word1 = _block(gr.Textbox, _labels(outer)["Word 1"])
    before = len(_renders(page))
    page.event(word1, "change", values={word1: "abc"})
    [again] = _renders(page)[before:]  # only that row's inner render ran
    assert again["id"] == inner[1]["id"] and again["components"][str(letters1)]["props"]["value"] == "a b c"


def test_an_outer_re_render_rebuilds_the_inner_ones_and_key_holds_across_both(serve):
    demo, count = _nested_app()
    page = Page(serve(demo))
    outer, *inner = _renders(page)
    word0 = _block(gr.Textbox, _labels(outer)["Word 0"])
    page.event(word0, "change", values={word0: "typed"})
    before = len(_renders(page))
    page.event(count, "change", values={count: 3})
    outer2, *inner2 = _renders(page)[before:]
    assert _labels(outer2)["Word 0"] == _labels(outer)["Word 0"]  # key= kept the outer component
    assert [f["id"] for f in inner2][:2] == [f["id"] for f in inner]  # placeholders keep their ids
    assert sorted(_labels(inner2[2])) == ["Letters 2"]
    assert _labels(inner2[0])["Letters 0"] == _labels(inner[0])["Letters 0"]  # key= in the inner run too
    # the kept word keeps what the user typed, so its inner render reads it
    assert inner2[0]["components"][str(_labels(inner2[0])["Letters 0"])]["props"]["value"] == "t y p e d"
    before = len(_renders(page))
    page.event(count, "change", values={count: 1})
    outer3, inner3 = _renders(page)[before:]
    dropped = _block(gr.Textbox, _labels(outer2)["Word 2"])
    page.event(dropped, "change", values={}, wait=False)
    assert "no listener" in page.recv()["message"]  # the dropped row's listeners went with it


def test_rendered_listeners_sharing_a_concurrency_id_run_one_at_a_time_across_sessions(serve):
    running, most = [0], [0]
    lock = threading.Lock()

    def slow(text):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.2)
        with lock:
            running[0] -= 1
        return text + "!"

    with gr.Blocks() as demo:
        n = gr.Number(value=1, label="N")

        @gr.render(inputs=n)
        def show(k):
            box = gr.Textbox(value="hi", label="Box")
            out = gr.Textbox(label="Out")
            gr.Button("Go").click(lambda t: slow(t), box, out, concurrency_id="gpu", concurrency_limit=1)
    url = serve(demo)
    pages = [Page(url) for _ in range(3)]
    buttons = [_block(gr.Button, _labels(_renders(p)[0])["Go"]) for p in pages]
    started = time.monotonic()
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda pb: pb[0].event(pb[1]), zip(pages, buttons)))
    assert most[0] == 1 and time.monotonic() - started >= 0.55


def test_a_rendered_load_listener_runs_for_its_own_session_only(serve):
    seen = []
    with gr.Blocks() as demo:
        name = gr.Textbox(value="a", label="Name")

        @gr.render(inputs=name)
        def show(text):
            out = gr.Textbox(label="Out")
            demo.load(lambda: seen.append(text) or text, None, out)
    url = serve(demo)
    one = Page(url)
    one.event(name, "change", values={name: "b"})
    Page(url)
    assert sorted(seen) == ["a", "a", "b"]  # a second page's load runs neither of page one's listeners


def test_many_sessions_re_rendering_and_clicking_at_once_lose_and_misroute_nothing(serve):
    with gr.Blocks() as demo:
        n = gr.Number(value=1, label="N")
        tag = gr.Textbox(label="Tag")
        merge = gr.Button("Merge")  # a static trigger of every session's rendered listener
        merged = gr.Textbox(label="Merged")

        @gr.render(inputs=[n, tag])
        def show(k, who):
            time.sleep(0.001)  # a sync render in a worker thread, while other sessions' events run
            boxes = [gr.Textbox(value=f"{who}:{i}", label=f"Box {i}") for i in range(int(k))]
            out = gr.Textbox(label="Out")
            gr.Button("Join").click(lambda *v: "|".join(v), boxes, out, concurrency_limit=None)
            merge.click(lambda *v: "+".join(v), boxes, merged, concurrency_limit=None)
    url = serve(demo)

    def user(u):
        page = Page(url)
        page.event(tag, "change", values={tag: f"u{u}"})
        for k in range(1, 8):
            page.event(n, "change", values={n: k})
            frame = _renders(page)[-1]
            labels = _labels(frame)
            got = page.event(_block(gr.Button, labels["Join"]))
            outs = [v["value"] for v in got.values() if "value" in v]
            assert outs == ["|".join(f"u{u}:{i}" for i in range(k))], (u, k, got)
            assert value(page.event(merge), merged) == "+".join(f"u{u}:{i}" for i in range(k)), (u, k)
        assert page.errors() == []  # no other session's listener ran here (it would fail on values it lacks)
        return True

    with ThreadPoolExecutor(6) as pool:
        assert all(pool.map(user, range(6)))


def test_the_options_of_gr_render_and_of_its_listeners_are_honoured(caplog):
    with gr.Blocks() as demo:
        n = gr.Number(value=1, label="N")

        @gr.render(inputs=n, queue=False, trigger_mode="multiple", show_progress="minimal")
        def unqueued(k):
            pass

        @gr.render(inputs=n, concurrency_limit=3, concurrency_id="renders")
        def limited(k):
            pass
    queue = Queue(demo.dependencies)
    first, second = demo.dependencies
    assert queue.group(first) is None  # queue=False: never waits
    assert queue.group(second).name == "renders" and queue.group(second).limit == 3
    config = first.config()
    assert config["trigger_mode"] == "multiple" and config["show_progress"] == "minimal"
    assert config["show_progress_on"] == [demo.renders[0].id]  # the page marks the placeholder

    tree = RenderTree(render=False)

    def build():
        box = gr.Textbox(label="Box")
        box.change(lambda t: t, box, box, key="echo", api_name="echo", queue=False)
        box.submit(lambda t: t, box, box, concurrency_limit=None)

    with caplog.at_level("WARNING", logger="blocks"):
        tree.build(demo, build)
    echo, submit = tree.dependencies
    tree.build(demo, build)
    assert tree.dependencies[0].id == echo.id and tree.dependencies[1].id != submit.id  # key= keeps a listener's id
    assert "api_name='echo' inside @gr.render gets no API endpoint" in caplog.text
    queue.adopt(echo)
    queue.adopt(submit)
    assert queue.group(echo) is None and queue.group(submit).limit is None


def test_a_rendered_listener_cancels_another_rendered_one(serve):
    def count():
        for i in range(50):
            time.sleep(0.05)
            yield str(i)

    with gr.Blocks() as demo:
        n = gr.Number(value=1, label="N")

        @gr.render(inputs=n)
        def show(k):
            out = gr.Textbox(label="Out")
            run = gr.Button("Run").click(count, None, out)
            gr.Button("Stop").click(None, None, None, cancels=[run])
    page = Page(serve(demo))
    labels = _labels(_renders(page)[0])
    started = time.monotonic()
    page.event(_block(gr.Button, labels["Run"]), wait=False)
    time.sleep(0.2)
    page.event(_block(gr.Button, labels["Stop"]), wait=False)
    page.until_done(page.seq - 1)  # the run ends long before its 2.5 s
    assert time.monotonic() - started < 1.5
