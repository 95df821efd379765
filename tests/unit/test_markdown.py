"""gr.Markdown rendering on the server: dedent, sanitized raw HTML, LaTeX as MathML, header links,
line breaks, rtl, and the warning for arguments accepted but not honoured."""

from __future__ import annotations

import logging

import pytest

import blocks as gr
from blocks import component
from blocks.components.markdown_render import render_markdown

RAW = """
    Read <a href="https://example.org/docs" onclick="steal()">the docs</a>, <em>now</em>.
    <img src="chart.png" onerror="steal()" alt="chart">
    <script>document.title = "owned"</script>

    <table><tr><td>cell</td></tr></table>
    """


def html_of(component: gr.Markdown) -> str:
    return component.postprocess(component.value)["html"]


def test_indented_triple_quoted_text_is_dedented_not_a_code_block():
    html = html_of(gr.Markdown("""
        # Title
        Some *text*
        """))
    assert "<h1>Title</h1>" in html and "<em>text</em>" in html
    assert "<pre>" not in html and "<code>" not in html


def test_raw_html_is_sanitized_safe_tags_stay_scripts_and_handlers_go():
    html = html_of(gr.Markdown(RAW))
    assert '<a href="https://example.org/docs"' in html and "the docs</a>" in html
    assert "<em>now</em>" in html and '<img src="chart.png"' in html and 'alt="chart"' in html
    assert "<table>" in html and "<td>cell</td>" in html
    assert "<script" not in html and "document.title" not in html
    assert "onclick" not in html and "onerror" not in html and "steal" not in html


def test_sanitize_html_false_keeps_raw_html():
    html = html_of(gr.Markdown('<b onclick="hi()">x</b>', sanitize_html=False))
    assert '<b onclick="hi()">x</b>' in html


def test_javascript_links_are_refused():
    html = render_markdown("[x](javascript:alert(1)) <a href=\"javascript:alert(1)\">y</a>")
    assert "href" not in html  # markdown-it leaves the first as text, the sanitizer drops the second href


def test_default_latex_delimiters_render_mathml():
    html = html_of(gr.Markdown("Area: $$x^2$$, not in code: `$$y$$`"))
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in html
    assert "<msup><mi>x</mi><mn>2</mn></msup>" in html
    assert "<code>$$y$$</code>" in html and "$$x^2$$" not in html


def test_custom_and_empty_latex_delimiters():
    inline = [{"left": "$", "right": "$", "display": False}]
    assert 'display="inline"><mrow><mi>a</mi>' in html_of(gr.Markdown("$a$", latex_delimiters=inline))
    assert "<math" not in html_of(gr.Markdown("$$a$$", latex_delimiters=[]))


def test_markup_inside_latex_text_is_not_let_through():
    html = html_of(gr.Markdown(r"$$\text{<img src=x onerror=alert(1)>}$$"))
    assert "<math" in html and "onerror" not in html and "<img" not in html


def test_header_links_give_headings_ids_and_self_links():
    html = html_of(gr.Markdown("# Getting started\n\n# Getting started", header_links=True))
    assert '<h1 id="getting-started"><a href="#getting-started"' in html
    assert '<h1 id="getting-started-1"><a href="#getting-started-1"' in html
    assert "id=" not in html_of(gr.Markdown("# Getting started"))


def test_line_breaks():
    assert "one<br>" in html_of(gr.Markdown("one\ntwo", line_breaks=True))
    assert "<br" not in html_of(gr.Markdown("one\ntwo"))


def test_rtl_and_heights_reach_the_page():
    props = gr.Markdown("שלום", rtl=True, max_height=200).props()
    assert props["rtl"] is True and props["max_height"] == 200
    assert gr.Markdown("hi").props()["rtl"] is False


def test_unhonoured_argument_logs_one_warning_naming_it(caplog: pytest.LogCaptureFixture,
                                                        monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(component, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="blocks"):
        gr.Markdown("a", padding=True)
        gr.Markdown("b", padding=True)
        gr.Markdown("c", container=False, padding=False)
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "padding" in warnings[0]
