"""gr.Interface and gr.TabbedInterface over the real protocol: shortcuts become the components Gradio
makes, Submit (and Enter) runs fn, live runs it on every change, examples fill the inputs, Clear empties,
and mistakes are BlocksErrors that name the argument."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import httpx
import pytest

import blocks as gr
from blocks.errors import NOT_YET

from .conftest import Page, value


def _by_type(demo, cls):
    return [b for b in demo.blocks_by_id.values() if type(b) is cls]


def _html(markdown):
    return markdown.postprocess(markdown.value)["html"]


def _button(demo, label):
    return next(b for b in demo.components() if isinstance(b, gr.Button) and b.value == label)


def test_every_built_component_has_its_shortcut_and_only_unbuilt_names_are_refused():
    demo = gr.Interface(lambda f, fs: f, ["file", "files"], "image")
    assert [type(c) for c in demo.input_components + demo.output_components] == [gr.File, gr.Files, gr.Image]
    # every component gr exports is a shortcut, as in Gradio (sales_projections asks for "plot")
    more = gr.Interface(lambda a, b: (a, b, a), ["imageeditor", "gallery"], ["plot", "line_plot", "AnnotatedImage"])
    assert [type(c) for c in more.input_components + more.output_components] == [
        gr.ImageEditor, gr.Gallery, gr.Plot, gr.LinePlot, gr.AnnotatedImage]
    unbuilt = sorted(name for name in NOT_YET if name[0].isupper())[0]
    with pytest.raises(gr.BlocksError, match=f"gr.{unbuilt} is not supported by blocks yet"):
        gr.Interface(lambda x: x, unbuilt.lower(), "text")


def test_shortcuts_are_the_components_gradio_makes_labelled_by_fn_parameters():
    def fn(name, age, ok, pick, data):
        return name
    demo = gr.Interface(fn, ["text", "number", "checkbox", {"name": "dropdown", "choices": ["a", "b"]}, "json"],
                        ["textbox", "label", "html", "markdown", "code", "highlightedtext", "colorpicker",
                         "datetime", "slider", "radio", "checkboxgroup", "textarea"])
    ins, outs = demo.input_components, demo.output_components
    assert [type(c) for c in ins] == [gr.Textbox, gr.Number, gr.Checkbox, gr.Dropdown, gr.JSON]
    assert [c.label for c in ins] == ["name", "age", "ok", "pick", "data"]
    assert ins[3].choices == [["a", "a"], ["b", "b"]]
    assert [type(c) for c in outs] == [gr.Textbox, gr.Label, gr.HTML, gr.Markdown, gr.Code, gr.HighlightedText,
                                       gr.ColorPicker, gr.DateTime, gr.Slider, gr.Radio, gr.CheckboxGroup,
                                       gr.TextArea]
    assert outs[0].label == "output 0" and outs[11].label == "output 11"
    assert demo.title == "Gradio" and demo.interface_type == "standard"


def test_submit_runs_fn_and_enter_in_a_textbox_does_too(serve):
    demo = gr.Interface(lambda name, times: f"Hello {name}" + "!" * int(times), ["text", gr.Slider(1, 3, step=1)],
                        "text", title="Greeter")
    name, times = demo.input_components
    out = demo.output_components[0]
    assert out.label == "output"
    page = Page(serve(demo))
    reply = page.event(_button(demo, "Submit"), "click", {name: "Ada", times: 3})
    assert value(reply, out) == "Hello Ada!!!"
    assert value(page.event(name, "submit", {name: "Bob", times: 1}), out) == "Hello Bob!"
    cleared = page.event(_button(demo, "Clear"), "click")
    assert value(cleared, name) == "" and value(cleared, out) == ""
    assert page.errors() == []


def test_a_title_is_an_h1_and_description_and_article_are_markdown():
    demo = gr.Interface(lambda x: x, "text", "text", title="My App", description="Some *words*", article="The end")
    texts = [_html(m) for m in _by_type(demo, gr.Markdown)]
    assert texts == ["<h1>My App</h1>", "<p>Some <em>words</em></p>\n", "<p>The end</p>\n"]


def test_live_runs_on_every_change_and_shows_no_submit_button(serve):
    demo = gr.Interface(lambda a, b: a * b, ["number", "number"], "number", live=True)
    a, b = demo.input_components
    assert [btn.value for btn in _by_type(demo, gr.Button) + _by_type(demo, gr.ClearButton)] == ["Flag", "Clear"]
    page = Page(serve(demo))
    assert value(page.event(a, "change", {a: 6, b: 7}), demo.output_components[0]) == 42


def test_examples_fill_the_inputs_and_cached_examples_bring_outputs(serve):
    calls = []

    def add(a, b):
        calls.append((a, b))
        return a + b
    demo = gr.Interface(add, ["number", "number"], "number", examples=[[1, 2], [30, 12]], cache_examples=True,
                        example_labels=["small", "big"], examples_per_page=5)
    handler = demo.examples_handler
    assert handler is not None and handler.dataset.samples_per_page == 5
    page = Page(serve(demo))
    reply = page.event(handler.dataset, "click", {handler.dataset: 1})
    assert [value(reply, c) for c in (*demo.input_components, demo.output_components[0])] == [30, 12, 42]
    assert sorted(calls) == [(1, 2), (30, 12)]  # cached when served, not when clicked


def test_a_state_input_and_output_are_one_state_kept_per_session(serve):
    def count(word, seen):
        seen = (seen or []) + [word]
        return ", ".join(seen), seen
    demo = gr.Interface(count, ["text", "state"], ["text", "state"])
    word, state = demo.input_components
    assert demo.output_components[1] is state
    page = Page(serve(demo))
    page.event(_button(demo, "Submit"), "click", {word: "a"})
    assert value(page.event(_button(demo, "Submit"), "click", {word: "b"}), demo.output_components[0]) == "a, b"


def test_a_generator_gets_a_hidden_stop_button_shown_while_it_runs(serve):
    def count(n):
        yield from range(int(n))
    demo = gr.Interface(count, "number", "number")
    stop = _button(demo, "Stop")
    assert stop.visible is False and stop.variant == "stop"
    page = Page(serve(demo))
    reply = page.event(_button(demo, "Submit"), "click", {demo.input_components[0]: 3})
    assert value(reply, demo.output_components[0]) == 2
    assert reply[str(stop.id)]["visible"] is False and reply[str(_button(demo, "Submit").id)]["visible"] is True


def test_no_inputs_makes_a_generate_button_and_additional_inputs_go_in_an_accordion():
    demo = gr.Interface(lambda: "x", None, "text")
    assert [b.value for b in _by_type(demo, gr.Button)] == ["Generate", "Flag"] and demo.interface_type == "output_only"
    extra = gr.Interface(lambda a, b: a, "text", "text", additional_inputs=["number"], examples=[["hi", 1]])
    accordion = _by_type(extra, gr.Accordion)[0]
    assert accordion.label == "Additional Inputs" and accordion.open is False
    assert accordion.children == [extra.additional_input_components[0]]
    assert extra.examples_handler is not None and extra.examples_handler.visible_columns == [0]


def test_custom_buttons_and_no_clear_button():
    demo = gr.Interface(lambda x: x, "text", "text", submit_btn="Go", clear_btn=None,
                        stop_btn=gr.Button("Halt", variant="stop", render=False))
    assert [b.value for b in _by_type(demo, gr.Button)] == ["Go", "Flag"] and not _by_type(demo, gr.ClearButton)
    shared = gr.Interface(lambda x: x, "text", "text", allow_duplication=True)
    assert [b.value for b in _by_type(shared, gr.DuplicateButton)] == ["Duplicate Space"]


def test_flagging_is_manual_by_default_with_one_flag_button_as_gradio(monkeypatch):
    demo = gr.Interface(lambda x: x, "text", "text")
    assert demo.flagging_mode == "manual" and [b.value for b in _by_type(demo, gr.Button)] == ["Submit", "Flag"]
    options = gr.Interface(lambda x: x, "text", "text", flagging_options=["good", ("Meh", "meh")][:1])
    assert [b.value for b in _by_type(options, gr.Button)] == ["Submit", "Flag as good"]
    monkeypatch.setenv("GRADIO_FLAGGING_MODE", "never")
    assert [b.value for b in _by_type(gr.Interface(lambda x: x, "text", "text"), gr.Button)] == ["Submit"]


def test_the_flag_button_writes_a_csv_row_with_a_header_and_clear_resets_it(serve, tmp_path):
    demo = gr.Interface(lambda name: "Hi " + name, "text", "text", flagging_dir=str(tmp_path / "flags"),
                        flagging_options=[("Wrong", "wrong"), ("Rude", "=rude")])
    name = demo.input_components[0]
    page = Page(serve(demo))
    page.event(_button(demo, "Submit"), "click", {name: "Ada"})  # the output is the server's, not the page's
    reply = page.event(_button(demo, "Wrong"), "click", {name: "Ada"})
    assert value(reply, _button(demo, "Wrong")) == "Wrong"
    page.event(_button(demo, "Submit"), "click", {name: "-1+1"})
    page.event(_button(demo, "Rude"), "click", {name: "-1+1"})
    rows = _rows(tmp_path / "flags" / "dataset1.csv")
    assert rows[0] == ["name", "output", "flag", "timestamp"]
    assert rows[1][:3] == ["Ada", "Hi Ada", "wrong"] and rows[2][:3] == ["'-1+1", "Hi -1+1", "'=rude"]
    assert page.errors() == []


def test_auto_flagging_saves_every_submission_and_the_header_change_starts_a_new_file(serve, tmp_path):
    gr.Interface(lambda a: a, gr.Textbox(label="old"), "text", flagging_dir=str(tmp_path)).flagging_callback.flag(
        ["a", "a"])
    demo = gr.Interface(lambda a: a.upper(), "text", "text", flagging_mode="auto", flagging_dir=str(tmp_path))
    assert [b.value for b in _by_type(demo, gr.Button)] == ["Submit"]
    page = Page(serve(demo))
    page.event(_button(demo, "Submit"), "click", {demo.input_components[0]: "hey"})
    page.event(_button(demo, "Submit"), "click", {demo.input_components[0]: "you"})
    rows = _rows(tmp_path / "dataset2.csv")
    assert rows[0] == ["a", "output", "timestamp"] and [r[:2] for r in rows[1:]] == [["hey", "HEY"], ["you", "YOU"]]


def test_a_blocks_app_flags_with_its_own_csv_logger_and_files_are_copied_beside_it(serve, tmp_path):
    callback, simple = gr.CSVLogger(), gr.SimpleCSVLogger()
    with gr.Blocks() as demo:
        text, upload, count = gr.Textbox(label="Text"), gr.File(label="Upload"), gr.Number(label="Count")
        button = gr.Button("Flag")
        callback.setup([text, upload], tmp_path / "flagged")
        simple.setup([text], tmp_path / "simple")
        button.click(lambda *args: callback.flag(list(args)), [text, upload], count, preprocess=False)
        button.click(lambda t: simple.flag([t]), text, None)
    url = serve(demo)
    page = Page(url)
    [uploaded] = httpx.post(url + "upload?format=filedata", headers={"X-Blocks-Session": page.session["resume"]},
                            files=[("files", ("notes.txt", b"hello flags"))]).json()["files"]
    assert value(page.event(button, "click", {text: "one", upload: uploaded}), count) == 1
    rows = _rows(tmp_path / "flagged" / "dataset1.csv")
    assert rows[0] == ["Text", "Upload", "timestamp"] and rows[1][0] == "one"
    copied = rows[1][1]
    assert copied == str(tmp_path / "flagged" / "Upload" / "notes.txt") and Path(copied).read_text() == "hello flags"
    assert _rows(tmp_path / "simple" / "log.csv") == [["one"]]


def test_a_page_cannot_have_a_file_it_was_not_given_copied_into_the_flags(serve, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("no")
    callback = gr.CSVLogger()
    with gr.Blocks() as demo:
        upload, button = gr.File(label="Upload"), gr.Button("Flag")
        callback.setup([upload], tmp_path / "flagged")
        button.click(lambda *args: callback.flag(list(args)), [upload], None, preprocess=False)
    page = Page(serve(demo))
    page.event(button, "click", {upload: {"path": str(secret), "orig_name": "secret.txt", "url": None}})
    assert not (tmp_path / "flagged" / "Upload").exists()
    assert "is not one this session uploaded" in " ".join(map(str, page.errors()))


def test_batch_true_calls_fn_with_batches_of_one_and_warns(serve, caplog):
    with caplog.at_level(logging.WARNING, logger="blocks"):
        demo = gr.Interface(lambda words: [[w.upper() for w in words]], "text", "text", batch=True)
    assert "batching is not supported yet" in caplog.text
    page = Page(serve(demo))
    reply = page.event(_button(demo, "Submit"), "click", {demo.input_components[0]: "hi"})
    assert value(reply, demo.output_components[0]) == "HI"


@pytest.mark.parametrize(("call", "message"), [
    (lambda: gr.Interface(lambda x: x, "txt", "text"), "Interface(inputs=...): 'txt' is not the name of a component"),
    (lambda: gr.Interface(lambda x: x, ["text", 3], "text"), "Interface(inputs=...)[1]: 3 is not a component"),
    (lambda: gr.Interface("fn", "text", "text"), "Interface(fn='fn'): give the function to run"),
    (lambda: gr.Interface(lambda x: x, "text", "text", flagging_mode="sometimes"), "flagging_mode='sometimes'"),
    (lambda: gr.Interface(lambda x: x, "text", "text", submit_btn=3), "Interface(submit_btn=3)"),
    (lambda: gr.Interface(lambda x: x, "text", "text", flagging_options="x"), "flagging_options='x'"),
    (lambda: gr.Interface(lambda a, b: a, ["text", "text"], "text", examples=["a"]), "example 0 is 'a'"),
    (lambda: gr.Interface(lambda a: a, ["state", "state"], "state"), "exactly one state input"),
    (lambda: gr.Interface.from_pipeline(object()), "from_pipeline() is not supported"),
    (lambda: gr.Interface(lambda x: x, "text", "text", wibble=1), "wibble"),
    (lambda: gr.TabbedInterface([object()]), "item 0 is <object"),
])
def test_mistakes_are_blocks_errors_naming_the_argument(call, message):
    with pytest.raises(gr.BlocksError, match=None) as raised:
        call()
    assert message in str(raised.value)


def test_tabbed_interface_puts_each_interface_in_a_tab_and_its_listeners_still_run(serve):
    hello = gr.Interface(lambda n: f"Hello {n}", "text", "text")
    double = gr.Interface(lambda x: x * 2, "number", "number")
    with gr.Blocks() as plain:
        clicks = gr.Number(label="Loads")
        plain.load(lambda: 1, None, clicks)
    demo = gr.TabbedInterface([hello, double, plain], ["Hello", "Double", "Plain"], title="Tools")
    tabs = _by_type(demo, gr.Tab)
    assert [t.label for t in tabs] == ["Hello", "Double", "Plain"]
    assert demo.title == "Tools" and _html(_by_type(demo, gr.Markdown)[0]) == "<h1>Tools</h1>"
    page = Page(serve(demo))
    assert value(page.load_updates, clicks) == 1  # the plain Blocks' load runs on the new page
    reply = page.event(double.submit_btn, "click", {double.input_components[0]: 21})
    assert value(reply, double.output_components[0]) == 42
    assert gr.TabbedInterface([gr.Interface(lambda: 1, None, "number")]).children[0].children[0].label == "Tab 0"
    with pytest.raises(gr.BlocksError, match="already used"):
        gr.TabbedInterface([hello])


def test_a_tabbed_interface_made_inside_blocks_shows_there_as_gradio(serve):
    """blocks_neural_instrument_coding makes one inside `with demo.clear():`."""
    one = gr.Interface(lambda n: f"Hello {n}", "text", "text")
    two = gr.Interface(lambda x: x * 2, "number", "number")
    with gr.Blocks() as demo:
        gr.Markdown("Before")
        tabbed = gr.TabbedInterface([one, two], ["One", "Two"])
        gr.Markdown("After")
    assert tabbed.children == [] and [t.label for t in _by_type(demo, gr.Tab)] == ["One", "Two"]
    page = Page(serve(demo))
    assert value(page.event(two.submit_btn, "click", {two.input_components[0]: 4}), two.output_components[0]) == 8


def test_an_interface_made_inside_blocks_shows_there_and_a_blocks_renders_inside_another(serve):
    io = gr.Interface(lambda x: x[::-1], "text", "text")
    with gr.Blocks() as demo:
        gr.Markdown("Tools")
        with gr.Row():
            inner = gr.Interface(lambda n: n * 3, gr.Number(label="n"), "number")
        with gr.Column() as holder:
            io.render()
    assert inner.children == [] and io.children == []
    row = next(b for b in demo.children if isinstance(b, gr.Row))
    assert row.children[0].children[0].children[0] is inner.input_components[0]  # Row > Row > Column > n
    assert holder.children and all(b.blocks is demo for b in demo.blocks_by_id.values())
    page = Page(serve(demo))
    assert value(page.event(inner.submit_btn, "click", {inner.input_components[0]: 4}), inner.output_components[0]) \
        == 12
    assert value(page.event(io.submit_btn, "click", {io.input_components[0]: "abc"}), io.output_components[0]) == "cba"


def test_blocks_arguments_pass_through_to_the_page():
    demo = gr.Interface(lambda x: x, "text", "text", css=".x { color: red }", js="() => {}", head="<meta name=a>",
                        fill_width=True)
    tabbed = gr.TabbedInterface([gr.Interface(lambda x: x, "text", "text")], css=".y {}", title="T")
    assert (demo.css, demo.js, demo.head, demo.fill_width) == (".x { color: red }", "() => {}", "<meta name=a>", True)
    assert demo.config()["js"] == "() => {}" and (tabbed.css, tabbed.title, tabbed.fill_height) == (".y {}", "T", True)


def test_time_limit_does_not_stop_a_slow_function_as_gradios_applies_only_to_streams():
    demo = gr.Interface(lambda x: x, "text", "text", time_limit=1)
    assert [d.time_limit for d in demo.dependencies] == [None] * len(demo.dependencies)


def _rows(path):
    with open(path, encoding="utf-8") as saved:
        return list(csv.reader(saved))
