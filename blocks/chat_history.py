"""The conversation a gr.ChatInterface keeps: appending a turn, taking back the last one (as Gradio's)."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from .component import Component
from .components.chat_messages import ChatMessage


def as_messages(message: Any, role: str) -> list[Any]:
    """A user's message, an example or fn's response as messages to append (role set)."""
    messages: list[Any] = []
    for item in message if isinstance(message, list) else [message]:
        if isinstance(item, ChatMessage):
            messages.append(dataclasses.replace(item, role=role))  # type: ignore[arg-type]
        elif isinstance(item, (str, Component)) or item is None:
            if item is not None:
                messages.append({"role": role, "content": item})
        elif isinstance(item, dict) and "content" in item:
            messages.append({**item, "role": role})
        elif isinstance(item, dict):  # a MultimodalTextbox value: files first, then the text
            files = [{"path": f.get("path") if isinstance(f, dict) else f} for f in item.get("files") or []]
            text = [item["text"]] if item.get("text") else []
            messages.append({"role": role, "content": files + text})
        else:
            messages.append({"role": role, "content": str(item)})
    return messages


def appended(history: list[Any] | None, message: Any, role: str) -> list[Any]:
    """A new list: the history and the message (shallow, as Gradio's: messages may hold components)."""
    return list(history or []) + as_messages(message, role)


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    items = content if isinstance(content, list) else [content]
    return "".join(i if isinstance(i, str) else i.get("text", "") for i in items if isinstance(i, (str, dict)))


def _files(content: Any) -> list[Any]:
    items = content if isinstance(content, list) else [content]
    return [i["file"] if "file" in i else i for i in items
            if isinstance(i, dict) and (i.get("type") == "file" or "path" in i)]


def _role(message: Any) -> str:
    return message.role if isinstance(message, ChatMessage) else message.get("role", "")


def _content(message: Any) -> Any:
    return message.content if isinstance(message, ChatMessage) else message.get("content")


def pop_last_turn(history: list[Any] | None, multimodal: bool) -> tuple[list[Any], Any]:
    """The history without the user's last message(s) and the answers after them, and that message."""
    history = list(history or [])
    end = len(history)
    while end > 0 and _role(history[end - 1]) == "assistant":
        end -= 1
    start = end
    while start > 0 and _role(history[start - 1]) == "user":
        start -= 1
    turn = [m for m in history[start:] if _role(m) == "user"]
    text = "".join(_text(_content(m)) for m in turn)
    files = [f for m in turn for f in _files(_content(m))]
    return history[:start], ({"text": text, "files": files} if multimodal else text)


def edited(history: list[Any] | None, index: int, value: Any, multimodal: bool) -> tuple[list[Any], Any]:
    """The history before the edited message, and the edited message to send again."""
    text = _text(value) if not isinstance(value, str) else value
    return list(history or [])[:index], ({"text": text, "files": []} if multimodal else text)


def split(response: Any, extra: int) -> tuple[Any, list[Any]]:
    """fn's value as (response, additional outputs) when it has additional_outputs."""
    if not extra:
        return response, []
    if not isinstance(response, (tuple, list)) or len(response) != extra + 1:
        from .errors import Error  # noqa: PLC0415

        raise Error(f"The chat function has {extra} additional output(s): return (response, "
                    f"{', '.join(['value'] * extra)}).")
    return response[0], list(response[1:])


def responder(fn: Callable[..., Any], extra: int) -> Callable[..., Any]:
    """fn(message, history, *additional) as a listener returning (chatbot history, *additional outputs),
    of the same kind as fn (sync, async, generator, async generator) so dispatch runs it as fn."""
    def turn(message: Any, history: Any, response: Any) -> Any:
        answer, others = split(response, extra)
        shown = appended(appended(history, message, "user"), answer, "assistant")
        return (shown, *others) if extra else shown

    if inspect.isasyncgenfunction(fn):
        async def stream_async(message: Any, history: Any, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
            async for response in fn(message, list(history or []), *args, **kwargs):
                yield turn(message, history, response)
        return same_parameters(fn, stream_async)
    if inspect.isgeneratorfunction(fn):
        def stream(message: Any, history: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            for response in fn(message, list(history or []), *args, **kwargs):
                yield turn(message, history, response)
        return same_parameters(fn, stream)
    if inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(type(fn).__call__):
        async def answer_async(message: Any, history: Any, *args: Any, **kwargs: Any) -> Any:
            return turn(message, history, await fn(message, list(history or []), *args, **kwargs))
        return same_parameters(fn, answer_async)

    def answer(message: Any, history: Any, *args: Any, **kwargs: Any) -> Any:
        return turn(message, history, fn(message, list(history or []), *args, **kwargs))
    return same_parameters(fn, answer)


def same_parameters(fn: Callable[..., Any], wrapper: Callable[..., Any]) -> Callable[..., Any]:
    """The wrapper shows fn's parameters, so that the listener gives it what fn asks for (gr.Request,
    gr.Progress, gr.EventData) and checks fn's parameters against the inputs at build time."""
    try:
        wrapper.__signature__ = inspect.signature(fn)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        pass
    return wrapper
