"""What callbacks return: tuples, dicts, gr.update, component instances; .then chains."""

from __future__ import annotations

import blocks as gr

from .conftest import Page, value


def test_update_and_component_instances_change_props(serve):
    with gr.Blocks() as demo:
        note = gr.Markdown("hidden", visible=False)
        box = gr.Textbox(label="Box")
        show = gr.Button("Show")
        show.click(lambda: (gr.Markdown("*shown*", visible=True), gr.update(label="Renamed", value="v")),
                   None, [note, box])
    page = Page(serve(demo))
    updates = page.event(show)
    assert updates[str(note.id)] == {"visible": True, "value": {"text": "*shown*", "html": "<p><em>shown</em></p>\n"}}
    assert updates[str(box.id)] == {"label": "Renamed", "value": "v"}


def test_dict_return_updates_only_named_outputs(serve):
    with gr.Blocks() as demo:
        a, b = gr.Textbox(label="A"), gr.Textbox(label="B")
        go = gr.Button("Go")
        go.click(lambda: {b: "only b"}, None, [a, b])
    updates = Page(serve(demo)).event(go)
    assert updates == {str(b.id): {"value": "only b"}}


def test_unknown_prop_in_update_is_explained(serve):
    with gr.Blocks() as demo:
        a = gr.Textbox(label="A")
        go = gr.Button("Go")
        go.click(lambda: gr.update(colour="red"), None, a)
    page = Page(serve(demo))
    page.event(go)
    assert "updates 'colour' of Textbox 'A', which has no such prop" in page.errors()[0]["message"]


def test_then_success_failure_order(serve):
    ran: list[str] = []
    with gr.Blocks() as demo:
        go = gr.Button("Go")
        fail = gr.Button("Fail")
        go.click(lambda: ran.append("go")).then(lambda: ran.append("then")).success(lambda: ran.append("ok"))
        dep = fail.click(lambda: 1 / 0)
        dep.success(lambda: ran.append("never"))
        dep.failure(lambda: ran.append("failure"))
        dep.then(lambda: ran.append("then-after-fail"))
    page = Page(serve(demo))
    page.event(go)
    page.event(fail)
    assert ran == ["go", "then", "ok", "failure", "then-after-fail"]


def test_change_cascade_between_visible_components(serve):
    with gr.Blocks() as demo:
        a, b, c = gr.Textbox(label="A"), gr.Textbox(label="B"), gr.Textbox(label="C")
        a.change(lambda x: x + "!", a, b)
        b.change(lambda x: x + "?", b, c)
    page = Page(serve(demo))
    updates = page.event(a, "change", {a: "hi"})
    assert value(updates, b) == "hi!" and value(updates, c) == "hi!?"


def test_listener_loops_are_stopped_with_a_message(serve):
    with gr.Blocks() as demo:
        a, b = gr.Number(label="A"), gr.Number(label="B")
        a.change(lambda x: (x or 0) + 1, a, b)
        b.change(lambda x: (x or 0) + 1, b, a)
    page = Page(serve(demo))
    page.event(a, "change", {a: 1})
    assert "loop" in page.errors()[0]["message"]


def test_callable_value_is_evaluated_per_session(serve):
    counter = iter(range(100))
    with gr.Blocks() as demo:
        box = gr.Textbox(lambda: f"visitor {next(counter)}", label="Box")
    url = serve(demo)
    assert value(Page(url).load_updates, box) == "visitor 0"
    assert value(Page(url).load_updates, box) == "visitor 1"


def test_request_is_injected_with_session_hash_and_query(serve):
    seen = {}
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")

        def who(request: gr.Request) -> str:
            seen["hash"] = request.session_hash
            return request.query_params.get("name", "?") + " " + request.headers.get("user-agent", "")[:6]

        demo.load(who, None, out)
    page = Page(serve(demo), query="?name=ada")
    assert value(page.load_updates, out).startswith("ada")
    assert seen["hash"] == page.session_hash


def test_generator_listeners_stream_each_value(serve):
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        count = gr.State(0)
        go = gr.Button("Go")

        def countdown(c: int):
            for n in (3, 2, 1):
                yield str(n), c + 1

        go.click(countdown, count, [out, count])
    page = Page(serve(demo))
    page.event(go, wait=False)
    frames = []
    while not frames or not frames[-1]["done"]:
        message = page.recv()
        if message["type"] == "update":
            frames.append(message)
    shown = [f["updates"][str(out.id)]["value"] for f in frames if f["updates"]]
    assert shown == ["3", "2", "1"]


def test_listener_without_a_function_still_runs_its_chain(serve):
    ran = []
    with gr.Blocks() as demo:
        go = gr.Button("Go")
        go.click(None).then(lambda: ran.append("then"))
    Page(serve(demo)).event(go)
    assert ran == ["then"]


def test_layouts_are_outputs_for_their_props(serve):
    with gr.Blocks() as demo:
        with gr.Column(visible=False) as details:
            gr.Textbox(label="Inside")
        with gr.Row() as bar:
            show = gr.Button("Show")
        show.click(lambda: (gr.Column(visible=True), gr.update(visible=False)), None, [details, bar])
        broken = gr.Button("Broken")
        broken.click(lambda: "text", None, details)
    page = Page(serve(demo))
    assert page.event(show) == {str(details.id): {"visible": True}, str(bar.id): {"visible": False}}
    page.event(broken)
    assert "a layout with no value" in page.errors()[0]["message"]


def test_info_and_warning_toasts_do_not_fail_the_listener(serve):
    with gr.Blocks(theme=gr.themes.Soft().set(button_primary_background_fill="red")) as demo:
        name = gr.Textbox(label="Name")
        out = gr.Textbox(label="Out")

        def greet(n: str, progress=gr.Progress()) -> str:  # noqa: B008 - Gradio's idiom
            progress(0.5, desc="thinking")
            if not n:
                gr.Warning("Name is empty")
            gr.Info("Greeted")
            return f"Hello {n}"

        name.submit(greet, name, out, show_progress=False)
    page = Page(serve(demo))
    assert value(page.event(name, "submit", {name: ""}), out) == "Hello "
    toasts = [(m["level"], m["message"]) for m in page.messages if m["type"] == "toast"]
    assert toasts == [("warning", "Name is empty"), ("info", "Greeted")]
    assert not page.errors()
