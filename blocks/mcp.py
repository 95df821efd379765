"""gr.mcp.tool / resource / prompt: Gradio's decorators marking a function for its MCP server.

blocks has no MCP server yet, so they only record their metadata on the function (`fn._mcp`) and
return it unchanged; the first use logs one warning saying so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger("blocks")
_warned: set[str] = set()


def _mark(kind: str, **metadata: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    if kind not in _warned:
        _warned.add(kind)
        log.warning("gr.mcp.%s() is accepted but not supported yet: blocks has no MCP server, the function is "
                    "served as usual.", kind)

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        try:
            fn._mcp = {"kind": kind, **metadata}  # type: ignore[attr-defined]
        except (AttributeError, TypeError):  # a builtin or a type: nothing to record it on
            pass
        return fn
    return decorate


def tool(name: str | None = None, description: str | None = None, structured_output: bool = False,
         _meta: dict[str, Any] | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark fn as an MCP tool (metadata only here)."""
    return _mark("tool", name=name, description=description, structured_output=structured_output, meta=_meta)


def resource(uri_template: str, description: str | None = None,
             mime_type: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark fn as an MCP resource (metadata only here)."""
    return _mark("resource", uri_template=uri_template, description=description, mime_type=mime_type)


Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def prompt(name: str | None = None, description: str | None = None) -> Decorator:
    """Mark fn as an MCP prompt (metadata only here)."""
    return _mark("prompt", name=name, description=description)
