"""Chat messages in Gradio's messages format, to and from the page (used by gr.Chatbot).

A callback returns messages as dicts {"role", "content", "metadata", "options"} or gr.ChatMessage;
content is a string (Markdown), a file ({"path": ...}), a component (gr.File(...)), or a list of
these. The page gets each message with its content as a list of items, Gradio's normalized form:
{"type": "text", "text", "html"} (the Markdown rendered here), {"type": "file", "file": FileData,
"alt_text"} or {"type": "component", "component", "value", "props"}; callbacks get the same without
"html".
"""

from __future__ import annotations

import dataclasses
import functools
import html
import inspect
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Literal, TypedDict

from ..errors import Error, InvalidValueError
from ..files import FileRules
from ..files.values import from_payload, to_payload
from ..limits import short_repr
from .markdown_render import render_markdown

ROLES = ("user", "assistant", "system")
FORMAT_ERROR = ("Data incompatible with messages format. Each message should be a dictionary with 'role' and "
                "'content' keys or a ChatMessage object.")


class MetadataDict(TypedDict, total=False):
    """A message's metadata: a title makes it a collapsible thought or tool call; id / parent_id nest them."""

    title: str
    id: int | str
    parent_id: int | str
    log: str
    duration: float
    status: Literal["pending", "done"]


class OptionDict(TypedDict, total=False):
    """A button under a message; clicking it fires Chatbot.option_select with its value."""

    value: str
    label: str


class MessageDict(TypedDict, total=False):
    """One message: role and content, optional metadata and options."""

    content: Any
    role: Literal["user", "assistant", "system"]
    metadata: MetadataDict
    options: list[OptionDict]


@dataclass
class ChatMessage:
    """A message of a gr.Chatbot (the messages format); only `content` is required.

    Args:
        content: a string (Markdown), a file dict {"path": ...}, a component, or a list of these.
        role: "user", "assistant" (default) or "system".
        metadata: {"title": ...} shows the message as a collapsible thought (see MetadataDict).
        options: buttons under the message, [{"value": ..., "label": ...}].
    """

    content: Any
    role: Literal["user", "assistant", "system"] = "assistant"
    metadata: MetadataDict = field(default_factory=lambda: MetadataDict())
    options: list[OptionDict] = field(default_factory=list)


@dataclass(frozen=True)
class TextOptions:
    """How a Chatbot shows text: its render_markdown, sanitize_html, latex_delimiters, line_breaks."""

    markdown: bool = True
    sanitize: bool = True
    delimiters: tuple[tuple[str, str, bool], ...] = (("$$", "$$", True),)
    line_breaks: bool = True


@functools.lru_cache(maxsize=2048)
def text_html(text: str, options: TextOptions) -> str:
    """A text item as HTML (cached: a streaming answer re-sends the earlier messages unchanged)."""
    if not options.markdown:
        return html.escape(text).replace("\n", "<br>")
    delimiters = [{"left": left, "right": right, "display": display} for left, right, display in options.delimiters]
    return render_markdown(text, sanitize_html=options.sanitize, latex_delimiters=delimiters,
                           line_breaks=options.line_breaks, highlight_code=True)


def text_item(text: str, options: TextOptions) -> dict[str, Any]:
    text = inspect.cleandoc(text)
    return {"type": "text", "text": text, "html": text_html(text, options)}


def _file_item(file: dict[str, Any], alt_text: Any = None) -> dict[str, Any]:
    return {"type": "file", "file": file, "alt_text": alt_text if isinstance(alt_text, str) else None}


def _component_item(component: Any, rules: FileRules) -> dict[str, Any]:
    """A component in a message: its value as the component shows it (files as FileData)."""
    if not isinstance(component.blocks, SimpleNamespace):  # made inside a Blocks: not a block of its own
        component.unrender()
    component.blocks = SimpleNamespace(file_rules=rules)  # its files are the Chatbot's app's (file_rules)
    value = component.postprocess(component.value() if callable(component.value) else component.value)
    props = {k: v for k, v in component.props().items() if k in ("label", "show_label", "visible")}
    return {"type": "component", "component": type(component).__name__.lower(), "value": value, "props": props}


def content_item(item: Any, options: TextOptions, rules: FileRules, where: str) -> dict[str, Any] | None:
    """One piece of a returned message's content in the page's form; None drops it."""
    from ..component import Component  # noqa: PLC0415  (component.py does not know this module)

    if item is None:
        return None
    if isinstance(item, str):
        return text_item(item, options)
    if isinstance(item, Component):
        return _component_item(item, rules)
    if isinstance(item, dict):
        kind = item.get("type")
        if "path" in item and kind is None:
            return _file_item(to_payload(item, rules, where), item.get("alt_text"))
        if kind == "file" or (kind is None and "file" in item):
            return _file_item(to_payload(item.get("file"), rules, where), item.get("alt_text"))
        if kind == "text":
            return text_item(str(item.get("text", "")), options)
        if kind == "component":
            return {k: item.get(k) for k in ("type", "component", "value", "props")}
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        return text_item(str(item), options)
    raise Error(f"Invalid message for Chatbot component: {short_repr(item)}")


def _fields(message: Any) -> tuple[Any, Any, Any, Any]:
    if isinstance(message, ChatMessage):
        return message.role, message.content, message.metadata, message.options
    if isinstance(message, dict) and "role" in message and "content" in message:
        return message["role"], message["content"], message.get("metadata"), message.get("options")
    raise Error(FORMAT_ERROR)


def to_page(messages: Any, options: TextOptions, rules: FileRules, where: str) -> list[dict[str, Any]]:
    """A callback's chat history as the page's payload (Gradio's errors for other formats)."""
    if messages is None:
        return []
    if not isinstance(messages, (list, tuple)):
        raise Error(FORMAT_ERROR)
    shown = []
    for message in messages:
        role, content, metadata, choices = _fields(message)
        if role not in ROLES:
            raise Error(f"Invalid role {role!r} for a Chatbot message: use 'user', 'assistant' or 'system'.")
        items = [content_item(c, options, rules, where) for c in (content if isinstance(content, list) else [content])]
        kept = [i for i in items if i is not None]
        if kept:
            shown.append({"role": role, "metadata": dict(metadata) if metadata else None, "content": kept,
                          "options": list(choices) if choices else None})
    return shown


def to_callback(payload: Any, rules: FileRules, where: str) -> list[dict[str, Any]]:
    """The page's payload as the callback's history: Gradio's normalized dicts (files checked)."""
    history = []
    for message in payload or []:
        content = []
        for item in message["content"]:
            if item["type"] == "text":
                content.append({"text": item["text"], "type": "text"})
            elif item["type"] == "file":
                data = from_payload(item["file"], rules, where)
                content.append({"file": dataclasses.asdict(data), "alt_text": item.get("alt_text"), "type": "file"})
            else:
                content.append(dict(item))
        history.append({"role": message["role"], "metadata": message.get("metadata"), "content": content,
                        "options": message.get("options")})
    return history


def _component_from_client(item: dict[str, Any], rules: FileRules, where: str) -> dict[str, Any]:
    """A component item of a history the page sends back (after an edit): its files checked as uploads are."""
    value = item.get("value")
    files = value if isinstance(value, list) else [value]
    if value is not None and all(isinstance(f, dict) and "path" in f for f in files):
        checked = [dataclasses.asdict(from_payload(f, rules, where)) for f in files]
        value = checked if isinstance(value, list) else checked[0]
    props = item.get("props") if isinstance(item.get("props"), dict) else {}
    return {"type": "component", "component": item["component"], "value": value, "props": props}


def from_client(payload: Any, options: TextOptions, rules: FileRules, where: str) -> list[dict[str, Any]]:
    """History sent by an API caller (messages dicts, content a string, a file or items), checked."""
    if not isinstance(payload, list):
        raise InvalidValueError(f"{where} expects a list of messages {{'role': ..., 'content': ...}}, "
                                f"got {short_repr(payload)}.")
    checked = []
    for message in payload:
        if not isinstance(message, dict) or message.get("role") not in ROLES or "content" not in message:
            raise InvalidValueError(f"{where}: {FORMAT_ERROR} Got {short_repr(message)}.")
        content = message["content"]
        items = []
        for item in content if isinstance(content, list) else [content]:
            if isinstance(item, dict) and (item.get("type") == "file" or "path" in item):
                file = from_payload(item.get("file", item), rules, where)
                items.append(_file_item(dataclasses.asdict(file), item.get("alt_text")))
            elif isinstance(item, dict) and item.get("type") == "text" and isinstance(item.get("text"), str):
                items.append(text_item(item["text"], options))
            elif isinstance(item, str):
                items.append(text_item(item, options))
            elif isinstance(item, dict) and item.get("type") == "component" and isinstance(item.get("component"), str):
                items.append(_component_from_client(item, rules, where))
            else:
                raise InvalidValueError(f"{where}: a message's content is text or a file, got {short_repr(item)}.")
        metadata = message.get("metadata")
        checked.append({"role": message["role"], "metadata": metadata if isinstance(metadata, dict) else None,
                        "content": items, "options": message.get("options") if isinstance(
                            message.get("options"), list) else None})
    return checked
