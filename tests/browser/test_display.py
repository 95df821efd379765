"""gr.HTML, gr.JSON, gr.Label, gr.Code and gr.HighlightedText in a browser: what the page shows and
the events they fire."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


def test_display_components_show_their_values_and_fire_events(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        html = gr.HTML("<h3>Hello <em>there</em></h3>")
        card = gr.HTML("Ada", html_template="<p>Name: ${value} (${props.kind})</p>", kind="card",
                       css_template="p { color: rgb(0, 128, 0); }")
        gr.JSON({"name": "Ada", "tags": ["x", 2, True, None]}, label="Data")
        label = gr.Label({"cat": 0.25, "dog": 0.75}, label="Animal")
        gr.Code("def f():\n    return 1", language="python", label="Source", interactive=False)
        text = gr.HighlightedText([("Paris", "LOC"), (" is nice", None)], show_legend=True, label="Entities")
        out = gr.Textbox(label="Out")
        edit = gr.Code(language="python", interactive=True, label="Edit")

        def picked(e: gr.SelectData) -> str:
            return f"picked {e.value} at {e.index}"

        def entity(e: gr.SelectData) -> str:
            return f"entity {e.value[0]} {e.value[1]}"

        label.select(picked, None, out)
        text.select(entity, None, out)
        html.click(lambda: "html clicked", None, out)
        edit.change(lambda c: f"code {c}", edit, out)
        gr.Button("Swap").click(lambda: ("<b>New</b>", "Bob"), None, [html, card])
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_role("heading", name="Hello there")).to_be_visible()
        expect(page.get_by_text("Name: Ada (card)")).to_have_css("color", "rgb(0, 128, 0)")
        expect(page.get_by_text('"Ada"')).to_be_visible()
        expect(page.get_by_text("null")).to_be_hidden()  # nested arrays start collapsed
        page.get_by_text("tags: [").click()
        expect(page.get_by_text("null")).to_be_visible()
        expect(page.get_by_role("heading", name="dog")).to_be_visible()
        expect(page.get_by_role("button").filter(has_text="%")).to_have_text(["dog75%", "cat25%"])
        expect(page.get_by_role("meter", name="dog")).to_have_attribute("value", "0.75")
        expect(page.get_by_label("Source")).to_contain_text("return 1")
        expect(page.get_by_label("Source").locator(".tok-k").first).to_have_text("def")
        expect(page.get_by_label("Legend")).to_have_text("LOC")
        page.get_by_role("button", name="cat").click()
        expect(page.get_by_label("Out")).to_have_value("picked cat at 1")
        page.get_by_text("Paris").click()
        expect(page.get_by_label("Out")).to_have_value("entity Paris LOC")
        page.get_by_role("heading", name="Hello there").click()
        expect(page.get_by_label("Out")).to_have_value("html clicked")
        page.get_by_role("textbox", name="Edit").fill("x = 2")
        expect(page.get_by_label("Out")).to_have_value("code x = 2")
        page.get_by_role("button", name="Swap").click()
        expect(page.get_by_text("New", exact=True)).to_be_visible()
        expect(page.get_by_text("Name: Bob (card)")).to_be_visible()
        assert watched.messages("error") == []


def test_json_details_collapse_and_open_expands_all(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        gr.JSON('{"outer": {"inner": 1}}', label="Closed")
        gr.JSON({"outer": {"inner": 2}}, label="Opened", open=True)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_text("inner: 1")).to_be_hidden()
        expect(page.get_by_text("inner: 2")).to_be_visible()
        page.get_by_text("outer: {").first.click()
        expect(page.get_by_text("inner: 1")).to_be_visible()
        assert watched.messages("error") == []


GRADIO_DEMOS = Path("/work/shared/gradio-demos")


def gradio_demo(name: str, drop: tuple[str, ...] = (), swap: tuple[str, str] = ("", "")) -> gr.Blocks:
    """Gradio's demo `name`, run with `import blocks as gr` (lines containing `drop` removed, text
    `swap[0]` replaced by `swap[1]`)."""
    path = GRADIO_DEMOS / name / "run.py"
    if not path.is_file():
        pytest.skip(f"{path} is not on this machine")
    lines = [line for line in path.read_text().splitlines()
             if not any(d in line for d in drop) and not line.startswith("demo.launch(")]
    scope = {"__name__": "gradio_demo", "__file__": str(path)}
    source = "\n".join(lines).replace("import gradio as gr", "import blocks as gr")
    exec(source.replace(*swap) if swap[0] else source, scope)  # noqa: S102
    return scope["demo"]


# The demo opens file.css without closing it.
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_gradio_code_demo(context: BrowserContext) -> None:
    # blocks has no gr.Interface yet, and its Dropdown refuses the None choice of gr.Code.languages
    demo = gradio_demo("code", drop=("io = gr.Interface", "io.render()"),
                       swap=("choices=gr.Code.languages", "choices=gr.Code.languages[:-1]"))
    with serve(demo) as url:
        page, watched = open_app(context, url)
        source = page.get_by_role("textbox", name="Input")
        expect(source).to_have_value(
            'def all_odd_elements(sequence):\n    """Returns every odd element of the sequence."""')
        page.get_by_role("button", name="Run").click()
        output = page.get_by_label("Output")
        expect(output).to_contain_text("def all_odd_elements(sequence):")
        expect(output.locator(".tok-k").first).to_have_text("def")  # highlighted as python
        page.get_by_role("button", name="Load File").click()
        expect(output).to_contain_text("{", timeout=10_000)
        assert watched.messages("error") == []


def test_gradio_highlightedtext_demo(context: BrowserContext) -> None:
    with serve(gradio_demo("highlightedtext_component")) as url:
        page, watched = open_app(context, url)
        marks = page.locator("mark")
        expect(marks).to_have_count(2)
        expect(marks.first).to_have_text("This is highlightedhighlight")
        expect(page.get_by_text("This is not")).to_be_visible()
        expect(marks.first).to_have_css("background-color", "color(srgb 1 1 0 / 0.3)")  # yellow, at 30%
        assert watched.messages("error") == []


def test_html_fires_the_events_its_js_on_load_triggers_and_dropdown_reports_keys(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        form = gr.HTML("<button type='button'>Send it</button>",
                       js_on_load="element.querySelector('button').onclick = () => trigger('submit');")
        pick = gr.Dropdown(["alpha", "beta"], label="Pick")
        got = gr.Textbox(label="Got")
        form.submit(lambda: "submitted", None, got)

        def keys(evt: gr.KeyUpData) -> str:
            return f"{evt.key} on {evt.input_value}"

        pick.key_up(keys, None, got)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_role("button", name="Send it").click()
        expect(page.get_by_label("Got")).to_have_value("submitted")
        page.get_by_label("Pick").focus()
        page.keyboard.press("x")
        expect(page.get_by_label("Got")).to_have_value("x on x")  # Gradio: the text typed in the box
        assert watched.messages("error") == []
