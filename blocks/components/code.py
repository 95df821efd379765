"""gr.Code: source code, highlighted by the server with Pygments, editable when interactive."""

from __future__ import annotations

import functools
from typing import Any

from ..component import Arg, Component
from ..events import BLUR_DOC, CHANGE_DOC, FOCUS_DOC, INPUT_DOC, EventListener

languages = ["python", "c", "cpp", "markdown", "latex", "json", "html", "css", "javascript", "jinja2", "typescript",
             "yaml", "dockerfile", "shell", "r", "sql", "sql-msSQL", "sql-mySQL", "sql-mariaDB", "sql-sqlite",
             "sql-cassandra", "sql-plSQL", "sql-hive", "sql-pgSQL", "sql-gql", "sql-gpSQL", "sql-sparkSQL",
             "sql-esper", None]
_LEXERS = {"shell": "bash", "latex": "tex", "jinja2": "html+jinja", "sql-msSQL": "tsql", "sql-mySQL": "mysql",
           "sql-mariaDB": "mysql", "sql-sqlite": "sqlite3", "sql-plSQL": "plpgsql", "sql-pgSQL": "postgresql",
           "sql-gql": "graphql"}


@functools.cache
def _formatter() -> Any:
    return _pygments().formatters.HtmlFormatter(nowrap=True, classprefix="tok-")


@functools.cache
def _pygments() -> Any:
    """Pygments, imported when the first Code value is shown: `import blocks` stays light (its lexer
    table alone takes tens of milliseconds to import)."""
    import pygments  # noqa: PLC0415
    import pygments.formatters  # noqa: PLC0415
    import pygments.lexers  # noqa: PLC0415
    import pygments.util  # noqa: PLC0415

    return pygments


def highlighted(code: str, language: str | None) -> str:
    """The code as HTML spans (classes tok-*), escaped plain text for no language."""
    pygments = _pygments()
    get_lexer_by_name, formatter = pygments.lexers.get_lexer_by_name, _formatter()
    name = _LEXERS.get(language or "", (language or "text").split("-")[0])
    try:
        lexer = get_lexer_by_name(name, stripnl=False, ensurenl=False)
    except pygments.util.ClassNotFound:
        lexer = get_lexer_by_name("text", stripnl=False, ensurenl=False)
    html = pygments.highlight(code, lexer, formatter)
    return html[:-1] if html.endswith("\n") and not code.endswith("\n") else html


class Code(Component, renderer="code"):
    """Code shown with syntax highlighting and line numbers; a `<textarea>` when interactive."""

    default_label = "Code"
    languages = languages
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", INPUT_DOC)
    focus = EventListener("focus", FOCUS_DOC)
    blur = EventListener("blur", BLUR_DOC)
    args = {"language": Arg(None, one_of=tuple(languages)), "lines": 5, "max_lines": None,
            "wrap_lines": False, "show_line_numbers": True,
            "autocomplete": Arg(False, unhonoured="not supported yet: no completions are offered")}
    positional = ("value", "language")

    def postprocess(self, value: Any) -> dict[str, str]:
        code = "" if value is None else str(value).strip() if isinstance(value, str) else str(value)
        return {"code": code, "html": highlighted(code, self.language)}

    def preprocess(self, payload: Any) -> str | None:
        code = payload.get("code") if isinstance(payload, dict) else payload
        return code

    def check_payload(self, payload: Any) -> Any:
        if isinstance(payload, dict) and isinstance(payload.get("code"), str):
            return payload
        if not isinstance(payload, str):
            raise self.bad_payload(payload, "a string of code")
        return {"code": payload, "html": highlighted(payload, self.language)}

    def api_value(self, payload: Any) -> Any:
        return payload.get("code") if isinstance(payload, dict) else payload

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}
