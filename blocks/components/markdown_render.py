"""Markdown source -> HTML for gr.Markdown, on the server: sanitized raw HTML, LaTeX as MathML,
heading anchors and line breaks, as Gradio's page does in the browser."""

from __future__ import annotations

import functools
import html
import inspect
import re
from typing import Any

DEFAULT_LATEX_DELIMITERS: tuple[dict[str, Any], ...] = ({"left": "$$", "right": "$$", "display": True},)

# Formulas are rendered after sanitizing (their MathML is sanitized on its own, with a MathML
# allowlist); until then each one is a marker made of private-use characters, which are removed
# from the source first so that only the renderer can write a marker.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")

_MATH_TAGS = {"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup",
              "msub", "msubsup", "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr",
              "mtd", "mstyle", "mpadded", "mphantom", "menclose", "merror", "mprescripts", "none"}
_MATH_ATTRIBUTES = {"xmlns", "display", "mathvariant", "mathsize", "stretchy", "fence", "separator", "form",
                    "accent", "movablelimits", "lspace", "rspace", "minsize", "maxsize", "width", "height",
                    "depth", "voffset", "linethickness", "displaystyle", "scriptlevel", "notation",
                    "columnalign", "columnspacing", "rowspacing", "linebreak"}


def render_markdown(
    text: str,
    *,
    sanitize_html: bool = True,
    latex_delimiters: list[dict[str, Any]] | tuple[dict[str, Any], ...] = DEFAULT_LATEX_DELIMITERS,
    line_breaks: bool = False,
    header_links: bool = False,
    highlight_code: bool = False,
) -> str:
    """Markdown source -> HTML. The source is dedented first (`inspect.cleandoc`), as Gradio does.

    Args:
        sanitize_html: keep safe raw HTML (links, emphasis, images, tables) and drop scripts and
            event handlers; False keeps raw HTML as written.
        latex_delimiters: [{"left": "$$", "right": "$$", "display": True}, ...]; [] renders no math.
        line_breaks: a single newline becomes <br>.
        header_links: headings get an id and link to themselves.
        highlight_code: fenced code with a language is highlighted by Pygments (tok-* spans, as gr.Code).
    """
    source = inspect.cleandoc(text).replace(_OPEN, "").replace(_CLOSE, "")
    delimiters = tuple((d["left"], d["right"], bool(d.get("display", False))) for d in latex_delimiters)
    env: dict[str, Any] = {"formulas": [], "slugs": {}}
    rendered = _parser(delimiters, line_breaks, header_links, highlight_code).render(source, env)
    if sanitize_html:
        rendered = _sanitize(rendered, header_links, highlight_code)
    formulas = [_mathml(latex, display) for latex, display in env["formulas"]]
    return _MARKER.sub(lambda m: formulas[int(m.group(1))], rendered)


def _sanitize(rendered: str, header_links: bool, highlight_code: bool = False) -> str:
    import nh3  # noqa: PLC0415  (imported on first use so that `import blocks` stays fast)

    attributes = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
    attributes.setdefault("code", set()).add("class")  # ```python -> class="language-python"
    if highlight_code:
        attributes.setdefault("span", set()).add("class")  # Pygments' tok-* spans
    if header_links:
        for level in range(1, 7):
            attributes.setdefault(f"h{level}", set()).add("id")
    return nh3.clean(rendered, attributes=attributes)


def _mathml(latex: str, display: bool) -> str:
    import nh3  # noqa: PLC0415
    from latex2mathml.converter import convert  # noqa: PLC0415

    try:
        mathml = convert(latex, display="block" if display else "inline")
    except Exception:  # noqa: BLE001  (latex2mathml raises many types; a bad formula shows its source)
        return f"<code>{html.escape(latex)}</code>"
    # latex2mathml copies \text{...} verbatim, markup included: keep only MathML.
    return nh3.clean(mathml, tags=_MATH_TAGS, attributes={tag: _MATH_ATTRIBUTES for tag in _MATH_TAGS})


@functools.lru_cache(maxsize=32)
def _parser(delimiters: tuple[tuple[str, str, bool], ...], line_breaks: bool, header_links: bool,
            highlight_code: bool = False) -> Any:
    from markdown_it import MarkdownIt  # noqa: PLC0415

    # html=True: raw HTML is kept here and sanitized afterwards; markdown-it refuses javascript: links.
    options: dict[str, Any] = {"html": True, "breaks": line_breaks}
    if highlight_code:
        options["highlight"] = _highlight
    parser = MarkdownIt("commonmark", options).enable(["table", "strikethrough"])
    if delimiters:
        # Longest opening first, so that "$$" wins over "$".
        ordered = sorted(delimiters, key=lambda d: -len(d[0]))
        parser.inline.ruler.before("escape", "math", functools.partial(_math_rule, ordered))
        parser.add_render_rule("math", _render_math)
    if header_links:
        parser.add_render_rule("heading_open", _heading_open)
        parser.add_render_rule("heading_close", _heading_close)
    return parser


def _highlight(code: str, language: str, attributes: str) -> str:
    """markdown-it's highlight hook: Pygments spans for a fence with a language (else markdown-it escapes it)."""
    if not language:
        return ""
    from .code import highlighted  # noqa: PLC0415  (Pygments is imported on first use)

    return highlighted(code, language)


def _math_rule(delimiters: list[tuple[str, str, bool]], state: Any, silent: bool) -> bool:
    """Inline rule: a formula between one of the delimiters (code spans are parsed before, so not there)."""
    for left, right, display in delimiters:
        if not state.src.startswith(left, state.pos):
            continue
        start = state.pos + len(left)
        end = state.src.find(right, start)
        if end == -1 or not state.src[start:end].strip():
            continue
        if not silent:
            token = state.push("math", "", 0)
            token.content, token.meta = state.src[start:end], {"display": display}
        state.pos = end + len(right)
        return True
    return False


def _render_math(renderer: Any, tokens: list[Any], idx: int, options: Any, env: dict[str, Any]) -> str:
    formulas = env["formulas"]
    formulas.append((tokens[idx].content.strip(), tokens[idx].meta["display"]))
    return f"{_OPEN}{len(formulas) - 1}{_CLOSE}"


def _heading_open(renderer: Any, tokens: list[Any], idx: int, options: Any, env: dict[str, Any]) -> str:
    children = tokens[idx + 1].children or []
    title = "".join(t.content for t in children if t.type in ("text", "code_inline"))
    slug = _slug(title, env["slugs"])
    # A heading that holds a link already gets no second one (links do not nest).
    anchor = "" if _has_link(children) else f'<a href="#{slug}">'
    return f'<{tokens[idx].tag} id="{slug}">{anchor}'


def _heading_close(renderer: Any, tokens: list[Any], idx: int, options: Any, env: dict[str, Any]) -> str:
    anchor = "" if _has_link(tokens[idx - 1].children or []) else "</a>"
    return f"{anchor}</{tokens[idx].tag}>\n"


def _has_link(children: list[Any]) -> bool:
    raw_links = ("<a ", "<a>", "<a\n")
    return any(t.type == "link_open" or (t.type == "html_inline" and t.content.lower().startswith(raw_links))
               for t in children)


def _slug(title: str, seen: dict[str, int]) -> str:
    """GitHub-style anchor: lower case, punctuation dropped, spaces to hyphens, repeats numbered."""
    base = re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-") or "section"
    count = seen.get(base, 0)
    seen[base] = count + 1
    return base if count == 0 else f"{base}-{count}"
