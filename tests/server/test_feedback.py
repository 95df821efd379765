"""gr.skip, gr.validate with validator=, gr.Error's title and duration, gr.Success: what reaches the page."""

from __future__ import annotations

import time

import pytest

import blocks as gr

from .conftest import Page, value


def test_skip_leaves_that_output_as_it_is_and_sets_the_others(serve):
    with gr.Blocks() as demo:
        a = gr.Textbox("old a")
        b = gr.Textbox("old b")
        btn = gr.Button()
        btn.click(lambda: (gr.skip(), "new b"), None, [a, b])
    reply = Page(serve(demo)).event(btn)
    assert value(reply, b) == "new b"
    assert str(a.id) not in reply


def test_a_failing_validator_stops_the_function_and_names_each_refused_input(serve):
    ran = []
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        age = gr.Number(label="Age")
        out = gr.Textbox()
        btn = gr.Button()

        def check(n, a):
            return [gr.validate(bool(n), "Enter a name"),
                    gr.validate(a is not None and a >= 0, "Age must be 0 or more")]

        def greet(n, a):
            ran.append(n)
            return f"hi {n}"

        btn.click(greet, [name, age], out, validator=check)
    page = Page(serve(demo))
    reply = page.event(btn, values={name: "", age: -1})
    assert ran == [] and str(out.id) not in reply
    error = page.errors()[-1]
    assert error["fields"] == {str(name.id): "Enter a name", str(age.id): "Age must be 0 or more"}
    assert "Enter a name" in error["message"]
    reply = page.event(btn, values={name: "Ann", age: 3})
    assert value(reply, out) == "hi Ann" and ran == ["Ann"]


def test_a_validator_for_one_input_may_return_one_verdict(serve):
    with gr.Blocks() as demo:
        box = gr.Textbox()
        out = gr.Textbox()
        btn = gr.Button()
        btn.click(str.upper, box, out, validator=lambda s: gr.validate(len(s) < 4, "At most 3 letters"))
    page = Page(serve(demo))
    page.event(btn, values={box: "long"})
    assert page.errors()[-1]["fields"] == {str(box.id): "At most 3 letters"}
    assert value(page.event(btn, values={box: "ok"}), out) == "OK"


def test_error_title_and_duration_reach_the_toast(serve):
    with gr.Blocks() as demo:
        btn = gr.Button()

        def fail():
            raise gr.Error("Out of coffee", title="Kitchen", duration=None, print_exception=False)

        btn.click(fail)
    page = Page(serve(demo))
    page.event(btn)
    error = page.errors()[-1]
    assert (error["title"], error["message"], error["duration"]) == ("Kitchen", "Out of coffee", None)


def test_success_info_and_warning_toasts_keep_their_level_title_and_duration(serve):
    with gr.Blocks() as demo:
        btn = gr.Button()
        out = gr.Textbox()

        def work():
            gr.Info("noted", duration=2)
            gr.Warning("careful", title="Heads up")
            gr.Success("Saved", duration=None, title="Done")
            return "ok"

        btn.click(work, None, out)
    page = Page(serve(demo))
    assert value(page.event(btn), out) == "ok"
    toasts = [(m["level"], m["title"], m["message"], m["duration"]) for m in page.messages if m["type"] == "toast"]
    assert toasts == [("info", "Info", "noted", 2), ("warning", "Heads up", "careful", 10),
                      ("success", "Done", "Saved", None)]


def test_track_tqdm_reports_each_sessions_own_loop_and_leaves_untracked_loops_alone(serve):
    tqdm = pytest.importorskip("tqdm")
    original = tqdm.tqdm.__iter__

    def tracked(progress=gr.Progress(track_tqdm=True)):  # noqa: B008 - Gradio's idiom
        for _ in tqdm.tqdm(range(6), desc="Mine"):
            time.sleep(0.15)
        return "tracked"

    def untracked():
        for _ in tqdm.tqdm(range(6), desc="Not mine"):
            time.sleep(0.15)
        return "untracked"

    with gr.Blocks() as demo:
        out = gr.Textbox()
        a, b = gr.Button("A"), gr.Button("B")
        a.click(tracked, None, out, concurrency_limit=None)
        b.click(untracked, None, out, concurrency_limit=None)
    url = serve(demo)
    first, second = Page(url), Page(url)
    first.event(a, wait=False)
    second.event(b, wait=False)  # runs while the patch is on, in another session
    assert value(first.until_done(1), out) == "tracked"
    assert value(second.until_done(1), out) == "untracked"
    mine = [m for m in first.messages if m["type"] == "progress"]
    assert {m["desc"] for m in mine} == {"Mine"} and mine[-1]["index"] == mine[-1]["total"] == 6
    assert mine[0]["unit"] == "it" and mine[-1]["progress"] == 1.0
    assert [m for m in second.messages if m["type"] == "progress"] == []
    assert tqdm.tqdm.__iter__ is original
