"""gr.Dataset and gr.Examples over the real protocol: a click on a sample (its index, as the page sends it)
fills the inputs, runs fn when asked, and loads cached outputs without calling fn again."""

from __future__ import annotations

import pytest

import blocks as gr

from .conftest import Page, value


def _click(page, dataset, index):
    """What the page sends when the user clicks sample `index`: click (the value), then select."""
    return page.event(dataset, "click", values={dataset: index})


def test_clicking_an_example_fills_every_input_with_its_values(serve):
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        age = gr.Number(label="Age")
        ok = gr.Checkbox(label="OK")
        pick = gr.Dropdown(["red", "blue"], label="Pick")
        examples = gr.Examples([["Ada", 36, True, "blue"], ["Bob", 7, False, "red"]], [name, age, ok, pick])
    page = Page(serve(demo))
    reply = _click(page, examples.dataset, 1)
    assert [value(reply, c) for c in (name, age, ok, pick)] == ["Bob", 7, False, "red"]
    reply = _click(page, examples.dataset, 0)
    assert [value(reply, c) for c in (name, age, ok, pick)] == ["Ada", 36, True, "blue"]
    assert examples.load_input_event is not None and page.errors() == []


def test_a_flat_list_is_one_example_per_row_for_a_single_input(serve):
    with gr.Blocks() as demo:
        box = gr.Textbox()
        examples = gr.Examples(["one", "two"], box)
    assert examples.dataset.samples == [["one"], ["two"]]
    assert value(_click(Page(serve(demo)), examples.dataset, 1), box) == "two"


def test_run_on_click_runs_fn_after_filling_the_inputs(serve):
    calls = []

    def shout(text):
        calls.append(text)
        return text.upper()

    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        examples = gr.Examples([["hi"], ["yo"]], box, out, fn=shout, run_on_click=True)
    reply = _click(Page(serve(demo)), examples.dataset, 1)  # the .then is part of the same event
    assert (value(reply, box), value(reply, out), calls) == ("yo", "YO", ["yo"])


@pytest.mark.parametrize(("kind", "expected"), [("values", "['b', 2]"), ("index", "1"), ("tuple", "(1, ['b', 2])")])
def test_dataset_type_decides_what_the_listener_gets(serve, kind, expected):
    with gr.Blocks() as demo:
        dataset = gr.Dataset(components=[gr.Textbox(visible=False), gr.Number(visible=False)],
                             samples=[["a", 1], ["b", 2]], type=kind)
        out = gr.Textbox()
        dataset.click(repr, dataset, out)
    assert value(_click(Page(serve(demo)), dataset, 1), out) == expected


def test_select_data_has_the_index_and_the_sample(serve):
    with gr.Blocks() as demo:
        dataset = gr.Dataset(components=[gr.Textbox(visible=False)], samples=[["a"], ["b"]])
        out = gr.Textbox()

        def picked(evt: gr.SelectData):
            return f"{evt.index} {evt.value}"

        dataset.select(picked, None, out)
    reply = Page(serve(demo)).event(dataset, "select", values={dataset: 1}, data={"index": 1, "value": ["b"]})
    assert value(reply, out) == "1 ['b']"


def test_returning_a_dataset_with_new_samples_updates_it_for_the_session(serve):
    with gr.Blocks() as demo:
        dataset = gr.Dataset(components=[gr.Textbox(visible=False)], samples=[["a"]])
        out = gr.Textbox()
        more = gr.Button("More")
        more.click(lambda: gr.Dataset(samples=[["x"], ["y"]]), None, dataset)
        dataset.click(lambda sample: sample[0], dataset, out)
    page = Page(serve(demo))
    patch = page.event(more)[str(dataset.id)]
    assert patch["samples"] == [["x"], ["y"]] and patch["cells"] == [[{"text": "x"}], [{"text": "y"}]]
    assert value(_click(page, dataset, 1), out) == "y"  # the session's samples, not the built ones


def test_an_index_past_the_samples_is_an_error_not_a_crash(serve):
    with gr.Blocks() as demo:
        dataset = gr.Dataset(components=[gr.Textbox(visible=False)], samples=[["a"]])
        out = gr.Textbox()
        dataset.click(lambda sample: sample[0], dataset, out)
    page = Page(serve(demo))
    _click(page, dataset, 5)
    assert "no sample 5" in page.errors()[0]["message"]


def test_cached_examples_run_fn_once_per_example_when_served_and_never_on_click(serve):
    calls = []

    def add(a, b):
        calls.append((a, b))
        return a + b

    with gr.Blocks() as demo:
        a, b, total = gr.Number(), gr.Number(), gr.Number()
        examples = gr.Examples([[1, 2], [3, 4]], [a, b], total, fn=add, cache_examples=True)
    assert calls == []  # eager: when the app is served, as Gradio's (so fn may use what the file defines later)
    page = Page(serve(demo))
    assert calls == [(1, 2), (3, 4)]
    assert value(page.load_updates, total) == 3  # preload: the first example, as Gradio
    reply = _click(page, examples.dataset, 1)
    assert [value(reply, c) for c in (a, b, total)] == [3, 4, 7]
    _click(page, examples.dataset, 1)
    assert calls == [(1, 2), (3, 4)]


def test_lazy_caching_runs_fn_on_first_click_only(serve):
    calls = []
    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        examples = gr.Examples(["a", "b"], box, out, fn=lambda t: calls.append(t) or t * 2,
                               cache_examples=True, cache_mode="lazy")
    assert calls == []
    page = Page(serve(demo))
    assert value(_click(page, examples.dataset, 1), out) == "bb"
    assert value(_click(page, examples.dataset, 1), out) == "bb"
    assert calls == ["b"]


def test_gradio_cache_examples_env_turns_caching_on_by_default(monkeypatch, serve):
    calls = []
    monkeypatch.setenv("GRADIO_CACHE_EXAMPLES", "true")
    with gr.Blocks() as cached:
        box, out = gr.Textbox(), gr.Textbox()
        gr.Examples(["a"], box, out, fn=calls.append)
        gr.Examples(["b"], box)  # no fn: nothing to cache, no error
    serve(cached)
    assert calls == ["a"]
    monkeypatch.setenv("GRADIO_CACHE_EXAMPLES", "")
    with gr.Blocks() as plain:
        box, out = gr.Textbox(), gr.Textbox()
        gr.Examples(["a"], box, out, fn=calls.append)
    serve(plain)
    assert calls == ["a"]


def test_an_example_with_too_few_or_too_many_values_is_padded_or_cut_with_a_warning_as_gradio(serve, caplog):
    with gr.Blocks() as demo:
        one, two = gr.Textbox(label="One"), gr.Textbox(label="Two")
        examples = gr.Examples([["a", "b", "extra"], ["c"]], [one, two])  # Gradio's fraud_detector has such a row
    assert "example 0 has 3 values but there are 2 inputs" in caplog.text
    page = Page(serve(demo))
    assert [value(_click(page, examples.dataset, 0), c) for c in (one, two)] == ["a", "b"]
    reply = _click(page, examples.dataset, 1)
    assert (value(reply, one), value(reply, two)) == ("c", "")


@pytest.mark.parametrize("options", [{"run_on_click": True}, {"cache_examples": True},
                                     {"cache_examples": True, "fn": len}])
def test_run_on_click_or_caching_without_fn_or_outputs_is_refused_at_build(options):
    with gr.Blocks(), pytest.raises(gr.BlocksError, match="needs fn="):
        gr.Examples(["a"], gr.Textbox(), **options)


def test_examples_render_where_they_are_created():
    with gr.Blocks() as demo:
        box = gr.Textbox()
        with gr.Row() as row:
            examples = gr.Examples(["a"], box)
    assert examples.dataset in row.children and examples.dataset not in demo.children


def test_examples_created_inside_gr_render_fill_the_rendered_inputs(serve):
    with gr.Blocks() as demo:

        @gr.render()
        def rendered():
            box = gr.Textbox(label="little textbox")
            gr.Examples([["abc"], ["def"]], [box])

    page = Page(serve(demo))
    [frame] = [m for m in page.messages if m["type"] == "render"]
    ids = {c["renderer"]: int(cid) for cid, c in frame["components"].items()}
    dataset, box = gr.Dataset(render=False), gr.Textbox(render=False)
    dataset.id, box.id = ids["dataset"], ids["textbox"]
    assert frame["components"][str(dataset.id)]["props"]["cells"] == [[{"text": "abc"}], [{"text": "def"}]]
    assert value(_click(page, dataset, 1), box) == "def"


@pytest.mark.parametrize(("process", "seen", "shown"), [(True, [3], 6), (False, [2.6], 5.2)])
def test_preprocess_and_postprocess_decide_what_caching_passes_and_stores(serve, process, seen, shown):
    calls = []
    with gr.Blocks() as demo:
        number, double = gr.Number(precision=0), gr.Number(precision=0)
        examples = gr.Examples([[2.6]], number, double, fn=lambda x: calls.append(x) or x * 2, cache_examples=True,
                               preprocess=process, postprocess=process, preload=False)
    page = Page(serve(demo))  # cached when served
    assert calls == seen  # Number(precision=0) rounds 2.6 when preprocessing
    reply = _click(page, examples.dataset, 0)
    assert value(reply, double) == shown


def test_visible_columns_hide_a_column_but_a_click_fills_every_input(serve):
    with gr.Blocks() as demo:
        name, secret = gr.Textbox(label="Name"), gr.Textbox(label="Secret")
        examples = gr.Examples([["Ada", "s1"], ["Bob", "s2"]], [name, secret], visible_columns=[0])
    assert examples.dataset.cells == [[{"text": "Ada"}], [{"text": "Bob"}]]
    reply = _click(Page(serve(demo)), examples.dataset, 1)
    assert (value(reply, name), value(reply, secret)) == ("Bob", "s2")
    with gr.Blocks(), pytest.raises(gr.BlocksError, match="visible_columns=\\[2\\]"):
        gr.Examples([["a", "b"]], [gr.Textbox(), gr.Textbox()], visible_columns=[2])


def test_new_samples_returned_for_the_examples_fill_the_inputs_with_what_is_shown(serve):
    with gr.Blocks() as demo:
        box = gr.Textbox()
        examples = gr.Examples(["old"], box)
        swap = gr.Button("Swap")
        swap.click(lambda: gr.Dataset(samples=[["new 0"], ["new 1"]]), None, examples.dataset)
    page = Page(serve(demo))
    page.event(swap)
    assert value(_click(page, examples.dataset, 1), box) == "new 1"


def test_example_labels_replace_what_the_samples_show():
    with gr.Blocks():
        examples = gr.Examples([["a long prompt", 7]], [gr.Textbox(), gr.Number()], example_labels=["Short"])
    assert examples.dataset.cells == [[{"text": "Short"}]] and examples.dataset.shown_layout == "gallery"
    with gr.Blocks(), pytest.raises(gr.BlocksError, match="2 labels for 1 examples"):
        gr.Examples(["a"], gr.Textbox(), example_labels=["x", "y"])


def test_samples_that_are_not_json_reach_the_page_as_text():
    import datetime  # noqa: PLC0415

    moment = datetime.date(2024, 1, 2)
    with gr.Blocks() as demo:
        dataset = gr.Dataset(components=[gr.Textbox(visible=False)], samples=[[moment]])
    props = demo.config()["components"][str(dataset.id)]["props"]
    assert props["samples"] == [["2024-01-02"]] and props["cells"] == [[{"text": "2024-01-02"}]]
    assert dataset.preprocess(0) == [moment]  # the listener still gets the value itself
