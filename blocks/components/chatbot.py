"""gr.Chatbot: a conversation in Gradio's messages format (the messages themselves: chat_messages.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..component import Arg, Component
from ..errors import BlocksError, Error
from ..events import CHANGE_DOC, EventListener
from ..files import FileRules
from ..files.values import to_payload
from .chat_messages import (
    FORMAT_ERROR,
    ChatMessage,
    MessageDict,
    MetadataDict,
    OptionDict,
    TextOptions,
    from_client,
    text_html,
    to_callback,
    to_page,
)
from .markdown_render import DEFAULT_LATEX_DELIMITERS

BUTTONS = ("share", "copy", "copy_all")


def _app_file(block: Any, where: str, value: Any) -> dict[str, Any] | None:
    """An app's own file (an avatar, an example's icon or file) as a FileData every session may read."""
    if value is None:
        return None
    if isinstance(value, dict) and "url" in value and "path" in value:
        return value
    return to_payload(str(value) if isinstance(value, Path) else value, block.rules(), where)


def _avatars(block: Any, given: Any) -> list[Any]:
    if given is None:
        return [None, None]
    if not isinstance(given, (list, tuple)) or len(given) != 2:
        raise BlocksError(f"Chatbot(avatar_images={given!r}): give two images (user, assistant), e.g. "
                          f"(None, 'bot.png').")
    return list(given)


def _examples(block: Any, given: Any) -> list[dict[str, Any]] | None:
    if given is None:
        return None
    for example in given:
        if not isinstance(example, dict):
            raise BlocksError(f"Chatbot(examples=...): each example is a dict {{'text': ..., 'files': [...]}}, "
                              f"got {example!r}.")
        if example.get("files") is not None and not isinstance(example["files"], list):
            raise BlocksError("Chatbot(examples=...): 'files' is a list of file paths or URLs.")
    return list(given)


def _served(block: Any, props: dict[str, Any]) -> dict[str, Any]:
    """Avatars and examples' icons and files as FileData the page can show (copied to the cache)."""
    if props.get("avatar_images"):
        props["avatar_images"] = [_app_file(block, "Chatbot(avatar_images=...)", a) for a in props["avatar_images"]]
    if props.get("examples"):
        where = "Chatbot(examples=...)"
        props["examples"] = [{**e, "icon": _app_file(block, where, e.get("icon")),
                              "files": [_app_file(block, where, f) for f in e.get("files") or []]}
                             for e in props["examples"]]
    return props


def _buttons(block: Any, given: Any) -> list[str]:
    chosen = list(BUTTONS) if given is None else [b for b in given if isinstance(b, str)]
    unknown = [b for b in chosen if b not in BUTTONS]
    if unknown:
        raise BlocksError(f"Chatbot(buttons={given!r}): use 'share', 'copy' or 'copy_all'.")
    return chosen


def _message_format(block: Any, given: Any) -> Any:
    if given not in (None, "messages"):
        raise BlocksError(f"{type(block).__name__}(type={given!r}): only the messages format is supported, as in "
                          f"Gradio 6; give messages as {{'role': 'user', 'content': ...}} and drop type=.")
    return given


class Chatbot(Component, renderer="chatbot"):
    """A conversation: user and assistant messages as Markdown (code highlighted, math), files, images,
    audio and video, thoughts and tool calls (messages with metadata) as collapsible sections.

    The value is a list of messages, {"role": "user" | "assistant" | "system", "content": ...} or
    gr.ChatMessage; a callback gets them as Gradio's normalized dicts (content a list of
    {"type": "text", "text"} / {"type": "file", "file"} items). Each yield of a generator updates it.
    """

    default_label = "Chatbot"
    change = EventListener("change", CHANGE_DOC)
    select = EventListener("select", "Fires when the user clicks a message (gr.SelectData: index, value).")
    like = EventListener("like", "Fires when the user likes or dislikes a message (gr.LikeData: index, value, liked).")
    retry = EventListener("retry", "Fires when the user clicks Retry (gr.RetryData: the last user message).")
    undo = EventListener("undo", "Fires when the user clicks Undo (gr.UndoData: the last user message).")
    example_select = EventListener("example_select", "Fires when the user clicks an example (gr.SelectData).")
    option_select = EventListener("option_select", "Fires when the user clicks a message's option (gr.SelectData).")
    clear = EventListener("clear", "Fires when the user clears the conversation.")
    copy = EventListener("copy", "Fires when the user copies a message (gr.CopyData: value).")
    edit = EventListener("edit", "Fires when the user edits a message (gr.EditData: index, value, previous_value).")
    args = {
        "value": None, "autoscroll": True, "height": 400, "max_height": None, "min_height": None,
        "resizable": Arg(False, unhonoured="not supported yet: it cannot be resized by dragging"),
        "editable": Arg(None, one_of=(None, "user", "all")), "rtl": False,
        "latex_delimiters": Arg(None, prop=False,
                                convert=lambda b, d: list(DEFAULT_LATEX_DELIMITERS if d is None else d)),
        "buttons": Arg(None, convert=_buttons), "watermark": None,
        "avatar_images": Arg(None, convert=_avatars),
        "sanitize_html": Arg(True, prop=False), "render_markdown": Arg(True, prop=False),
        "line_breaks": Arg(True, prop=False),
        "feedback_options": Arg(("Like", "Dislike"), convert=lambda b, o: list(o) if o else []),
        "feedback_value": None, "layout": Arg(None, one_of=(None, "panel", "bubble")),
        "placeholder": Arg(None, convert=lambda b, p: None if p is None else text_html(str(p), b.text_options())),
        "examples": Arg(None, convert=_examples), "allow_file_downloads": True,
        "reasoning_tags": Arg(None, unhonoured="not supported yet: thinking tags are shown as text"),
        "like_user_message": False,
        "group_consecutive_messages": Arg(True, unhonoured="not supported yet: each message is its own bubble"),
        "allow_tags": Arg(True, unhonoured="not supported yet: tags the sanitizer does not know are removed"),
        # Gradio 5's type=: "messages" is the only format; "tuples" is refused with the fix.
        "type": Arg(None, prop=False, convert=_message_format),
    }
    positional = ("value",)
    editable: str | None
    examples: list[dict[str, Any]] | None

    def setup(self) -> None:
        # The page edits, clears and fires like/retry/undo on a Chatbot that is only an output, as Gradio's.
        self.interactive = True
        if isinstance(self.value, list):
            bad = [m for m in self.value if not (isinstance(m, ChatMessage) or (
                isinstance(m, dict) and "role" in m and "content" in m))]
            if bad:
                raise BlocksError(f"Chatbot(value=...): {FORMAT_ERROR} Got {bad[0]!r}; write "
                                  f"{{'role': 'user', 'content': ...}} for each message.")

    def text_options(self) -> TextOptions:
        delimiters = self.__dict__.get("latex_delimiters") or list(DEFAULT_LATEX_DELIMITERS)
        return TextOptions(markdown=bool(self.__dict__.get("render_markdown", True)),
                           sanitize=bool(self.__dict__.get("sanitize_html", True)),
                           delimiters=tuple((d["left"], d["right"], bool(d.get("display", False))) for d in delimiters),
                           line_breaks=bool(self.__dict__.get("line_breaks", True)))

    def props(self) -> dict[str, Any]:
        return _served(self, super().props())

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        return _served(self, super().normalize_props(props))

    def rules(self) -> FileRules:
        return getattr(self.blocks, "file_rules", None) or FileRules()

    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        return to_page(value, self.text_options(), self.rules(), self.describe())

    def preprocess(self, payload: Any) -> list[dict[str, Any]]:
        return to_callback(payload, self.rules(), self.describe())

    def value_patch(self, previous: Any, payload: Any) -> dict[str, Any]:
        """A history that keeps the earlier messages is sent as its new tail (a streamed answer: the
        last message alone), {"value_tail": {"keep": n, "tail": [...]}}; the page keeps its first n."""
        if not (isinstance(previous, list) and isinstance(payload, list)):
            return {"value": payload}
        keep = 0
        for old, new in zip(previous, payload):
            if old != new:
                break
            keep += 1
        if keep == 0:
            return {"value": payload}
        return {"value_tail": {"keep": keep, "tail": payload[keep:]}}

    def check_payload(self, payload: Any) -> list[dict[str, Any]]:
        try:
            return from_client(payload, self.text_options(), self.rules(), self.describe())
        except Error as exc:
            raise self.bad_payload(payload, str(exc)) from None

    def api_info(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "object", "properties": {
            "role": {"enum": ["user", "assistant", "system"]}, "content": {}, "metadata": {}, "options": {}},
            "required": ["role", "content"]}}


# Gradio's model of a message as the page has it; apps use the name in type annotations.
Message = ChatMessage

__all__ = ["ChatMessage", "Chatbot", "Message", "MessageDict", "MetadataDict", "OptionDict"]
