"""gr.ChatInterface: a chat app from fn(message, history), on our Blocks as gr.Interface is.

The constructor builds, inside `with self:`, the title and description, a Chatbot, the message box
(a Textbox, or a MultimodalTextbox with multimodal=True), the additional inputs in an Accordion and
the examples, then ordinary listeners: submit, retry, undo, edit, clear, option and example clicks,
each a chain of small steps that keeps the conversation in a gr.State (chat_history.py).
"""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Callable
from typing import Any

from . import context
from .app import Blocks
from .chat_history import appended, edited, pop_last_turn, responder, same_parameters
from .components import JSON, Button, Chatbot, Markdown, MultimodalTextbox, Textbox
from .errors import BlocksError
from .examples import Examples
from .layout import Accordion, Column, Group
from .request import EditData, SelectData
from .shortcuts import components
from .state import State

log = logging.getLogger("blocks")
_HIDDEN = {"queue": False, "api_visibility": "undocumented"}


class ChatInterface(Blocks):
    """A chat app: `gr.ChatInterface(fn).launch()`, fn(message, history) returning or yielding the answer.

    Args:
        fn: gets the message (a string, or {"text", "files"} with multimodal=True), the history (a list
            of messages dicts) and the additional inputs' values; returns a string, a dict, a
            gr.ChatMessage, a component or a list of them; a generator streams (each yield is the
            whole answer so far). With additional_outputs it returns (answer, *their values).
        multimodal: the message box takes files (gr.MultimodalTextbox).
        chatbot, textbox: your own gr.Chatbot / gr.Textbox / gr.MultimodalTextbox to use.
        additional_inputs: more inputs (components or shortcut names), in an Accordion
            (additional_inputs_accordion: its label or a gr.Accordion) unless already rendered.
        examples: messages to start with (shown in the chatbot), or lists [message, *additional values]
            (shown below it as gr.Examples); example_labels names them; cache_examples as gr.Examples.
        editable: the user may edit their messages (the conversation goes on from the edited one).
        title, description: an h1 and Markdown above the chat.
        **kwargs: passed to gr.Blocks (theme, css, js, head ...).
    """

    def __init__(self, fn: Callable[..., Any], *, multimodal: bool = False, chatbot: Chatbot | None = None,
                 textbox: Textbox | MultimodalTextbox | None = None, additional_inputs: Any = None,
                 additional_inputs_accordion: str | Accordion | None = None, additional_outputs: Any = None,
                 editable: bool = False, examples: list[Any] | None = None, examples_label: str | None = "Examples",
                 example_labels: list[str] | None = None, example_icons: list[str] | None = None,
                 run_examples_on_click: bool = True, cache_examples: bool | None = None,
                 cache_mode: str | None = None, title: str | None = None, description: str | None = None,
                 flagging_mode: str | None = None, flagging_options: Any = ("Like", "Dislike"),
                 flagging_dir: str = ".gradio/flagged", analytics_enabled: bool | None = None,
                 autofocus: bool = True, autoscroll: bool = True, submit_btn: str | bool | None = True,
                 stop_btn: str | bool | None = True, concurrency_limit: int | None | str = "default",
                 delete_cache: tuple[int, int] | None = None, show_progress: str = "minimal",
                 fill_height: bool = True, fill_width: bool = False, api_name: str | None = None,
                 api_description: Any = None, api_visibility: str = "public", save_history: bool = False,
                 validator: Callable[..., Any] | None = None, type: str | None = None,  # noqa: A002
                 **kwargs: Any):
        super().__init__(title=title or "Gradio", delete_cache=delete_cache, fill_height=fill_height,
                         fill_width=fill_width, **kwargs)
        if not callable(fn):
            raise BlocksError(f"ChatInterface(fn={fn!r}): give the function that answers, fn(message, history).")
        if type not in (None, "messages"):
            raise BlocksError(f"ChatInterface(type={type!r}): only the messages format is supported, as in "
                              f"Gradio 6; drop type= and use history as a list of {{'role', 'content'}} dicts.")
        for name, given, why in (("save_history", save_history, "conversations are not saved in the browser"),
                                 ("flagging_mode", flagging_mode not in (None, "never"), "there is no Flag button")):
            if given:
                log.warning("ChatInterface(%s=...) is accepted but not supported yet: %s.", name, why)
        self.fn, self.multimodal, self.editable = fn, bool(multimodal), bool(editable)
        self.is_generator = inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
        self.additional_inputs = components(additional_inputs, "ChatInterface(additional_inputs=...)")
        self.additional_outputs = components(additional_outputs, "ChatInterface(additional_outputs=...)")
        self.examples, self.example_labels, self.run_examples_on_click = examples, example_labels, run_examples_on_click
        self.options = {"show_progress": show_progress, "validator": validator, **(
            {} if concurrency_limit == "default" else {"concurrency_limit": concurrency_limit})}
        outer = context.current_blocks()
        token = context.open_root(self)
        try:
            self._build(chatbot, textbox, additional_inputs_accordion, title, description, autofocus, autoscroll,
                        submit_btn, stop_btn, fill_height)
            self._listen(api_name, api_description, api_visibility)
            if examples and self.additional_inputs:
                Examples(examples, [self.textbox, *self.additional_inputs], label=examples_label,
                         example_labels=example_labels, cache_examples=cache_examples, cache_mode=cache_mode,
                         fn=self._example_fn if cache_examples else None, outputs=[self.chatbot] if cache_examples
                         else None)
        finally:
            context.close_root(token)
        if outer is not None:  # inside a Blocks: part of it (additional_outputs may be rendered there later)
            self.render()
        else:
            self.validate()

    # -- building ------------------------------------------------------------
    def _build(self, chatbot: Chatbot | None, textbox: Any, accordion: Any, title: str | None,
               description: str | None, autofocus: bool, autoscroll: bool, submit_btn: Any, stop_btn: Any,
               fill_height: bool) -> None:
        if title:
            Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
        if description:
            Markdown(description)
        with Column(scale=1):
            chat_examples = None if self.additional_inputs or not self.examples else self._chat_examples()
            if chatbot is None:
                chatbot = Chatbot(label="Chatbot", scale=1, height=None if fill_height else 400,
                                  autoscroll=autoscroll, editable="user" if self.editable else None,
                                  examples=chat_examples)
            else:
                if self.editable and chatbot.editable is None:
                    chatbot.editable = "user"
                if chat_examples and not chatbot.examples:
                    chatbot.examples = chat_examples
                if chatbot.blocks is None:
                    chatbot.render()
            self.chatbot = chatbot
            with Group():
                self.textbox = textbox if textbox is not None else self._textbox(autofocus, submit_btn)
                if textbox is not None and textbox.blocks is None:
                    textbox.render()
            self.stop_label = (stop_btn if stop_btn is not None else True) if self.is_generator else False
        if self.additional_inputs:
            self._additional(accordion)
        self.saved_input = State()
        start = list(chatbot.value) if isinstance(chatbot.value, list) else []
        self.history = State(start)
        self.chatbot_state = self.history  # Gradio's names: the conversation, and a State that sets it
        self.chatbot_value = State(list(start))
        self.history.deep_link_source = self.chatbot_value.deep_link_source = chatbot  # a shared chat goes on
        self.api_response = JSON(visible=False)
        self.api_button = Button("Chat", visible=False)

    def _textbox(self, autofocus: bool, submit_btn: Any) -> Textbox | MultimodalTextbox:
        common = {"show_label": False, "label": "Message", "placeholder": "Type a message...", "scale": 7,
                  "autofocus": autofocus, "submit_btn": submit_btn if submit_btn is not None else True}
        if self.multimodal:
            return MultimodalTextbox(file_count="multiple", **common)
        return Textbox(lines=1, max_lines=20, **common)

    def _chat_examples(self) -> list[dict[str, Any]]:
        shown = []
        for index, example in enumerate(self.examples or []):
            first = example[0] if isinstance(example, (list, tuple)) and example else example  # [message]
            message = first if isinstance(first, dict) else {"text": str(first)}
            label = self.example_labels[index] if self.example_labels and index < len(self.example_labels) else None
            shown.append({**message, **({"display_text": label} if label else {})})
        return shown

    def _additional(self, accordion: Any) -> None:
        unrendered = [c for c in self.additional_inputs if c.blocks is None]
        if not unrendered:
            return
        holder = accordion if isinstance(accordion, Accordion) else Accordion(
            label=accordion or "Additional Inputs", open=False)
        if isinstance(accordion, Accordion) and accordion.blocks is None:
            accordion.render()
        with holder:
            for component in unrendered:
                component.render()

    # -- listening -----------------------------------------------------------
    def _listen(self, api_name: str | None, api_description: Any, api_visibility: str) -> None:
        run = responder(self.fn, len(self.additional_outputs))
        inputs = [self.saved_input, self.history, *self.additional_inputs]
        outputs = [self.chatbot, *self.additional_outputs]
        busy = self._busy

        def start(step: Any) -> Any:
            """show the user's message, then answer, then keep the conversation and free the box."""
            shown = step.then(lambda m, h: appended(h, m, "user"), [self.saved_input, self.history], self.chatbot,
                              **_HIDDEN).then(busy, None, self.textbox, **_HIDDEN)
            answered = shown.then(run, inputs, outputs, api_visibility="undocumented", **self.options)
            answered.then(lambda h: (h, h), self.chatbot, [self.history, self.chatbot_value], **_HIDDEN).then(
                self._free, None, self.textbox, **_HIDDEN)
            return answered

        submitted = start(self.textbox.submit(self._take, self.textbox, [self.textbox, self.saved_input],
                                              trigger_mode="once", **_HIDDEN))
        retried = start(self.chatbot.retry(lambda h: pop_last_turn(h, self.multimodal), self.history,
                                           [self.history, self.saved_input], **_HIDDEN))
        self.chatbot.undo(self._undo, self.history, [self.history, self.textbox], **_HIDDEN).then(
            lambda h: h, self.history, self.chatbot, **_HIDDEN)
        self.chatbot.clear(lambda: ([], None), None, [self.history, self.saved_input], **_HIDDEN)
        self.chatbot_value.change(lambda h: (h, h), self.chatbot_value, [self.chatbot, self.history], **_HIDDEN)
        started = [submitted, retried]
        if self.editable:
            started.append(start(self.chatbot.edit(self._edit, self.history, [self.history, self.saved_input],
                                                   **_HIDDEN)))
        started.append(start(self.chatbot.option_select(self._option, None, self.saved_input, **_HIDDEN)))
        if self.examples and not self.additional_inputs:
            if self.run_examples_on_click:
                started.append(start(self.chatbot.example_select(self._example, None, self.saved_input,
                                                                 **_HIDDEN)))
            else:
                self.chatbot.example_select(self._example, None, self.textbox, **_HIDDEN)
        if self.is_generator:
            self.textbox.stop(self._free, None, self.textbox, cancels=started, **_HIDDEN).then(
                lambda h: h, self.chatbot, self.history, **_HIDDEN)
        visibility = {"api_visibility": api_visibility} if api_visibility != "public" else {}
        self.api_button.click(self._api(run), [self.textbox, self.history, *self.additional_inputs],
                              [self.api_response, self.history, *self.additional_outputs],
                              api_name=api_name or "chat", api_description=api_description, **visibility)

    def _take(self, message: Any) -> tuple[Any, Any]:
        return type(self.textbox)(value=None, interactive=False), message

    def _busy(self) -> Any:
        if self.stop_label:  # while streaming: the stop button instead of submit (and the box usable for it)
            return type(self.textbox)(interactive=True, submit_btn=False, stop_btn=self.stop_label)
        return type(self.textbox)(interactive=False)

    def _free(self) -> Any:
        submit = getattr(self.textbox, "submit_btn", True)
        return type(self.textbox)(interactive=True, submit_btn=submit, stop_btn=False)

    def _undo(self, history: list[Any]) -> tuple[list[Any], Any]:
        return pop_last_turn(history, self.multimodal)

    def _edit(self, history: list[Any], data: EditData) -> tuple[list[Any], Any]:
        return edited(history, data.index, data.value, self.multimodal)

    def _option(self, data: SelectData) -> Any:
        value = data.value.get("value") if isinstance(data.value, dict) else data.value
        return {"text": value, "files": []} if self.multimodal else value

    def _example(self, data: SelectData) -> Any:
        example = data.value if isinstance(data.value, dict) else {"text": data.value}
        files = [f.get("path") if isinstance(f, dict) else f for f in example.get("files") or []]
        return {"text": example.get("text", ""), "files": files} if self.multimodal else example.get("text", "")

    def _example_fn(self, message: Any, *args: Any) -> Any:
        result = responder(self.fn, 0)(message, [], *args)
        if inspect.isgenerator(result):
            yield from result
        else:
            yield result

    def _api(self, run: Callable[..., Any]) -> Callable[..., Any]:
        """The /chat endpoint: (message, *additional) -> (answer, history), as Gradio's."""
        extra = len(self.additional_outputs)

        def last(shown: Any) -> Any:
            history = shown[0] if extra else shown
            answer = history[-1] if history else None
            content = answer.get("content") if isinstance(answer, dict) else getattr(answer, "content", None)
            answer_json = json.dumps(content, default=str)  # gr.JSON parses a string it is given
            return (answer_json, *shown) if extra else (answer_json, shown)

        if inspect.isasyncgenfunction(run):
            async def stream_async(*args: Any, **kwargs: Any) -> Any:
                async for shown in run(*args, **kwargs):
                    yield last(shown)
            return same_parameters(run, stream_async)
        if inspect.isgeneratorfunction(run):
            def stream(*args: Any, **kwargs: Any) -> Any:
                for shown in run(*args, **kwargs):
                    yield last(shown)
            return same_parameters(run, stream)
        if inspect.iscoroutinefunction(run):
            async def answer_async(*args: Any, **kwargs: Any) -> Any:
                return last(await run(*args, **kwargs))
            return same_parameters(run, answer_async)
        return same_parameters(run, lambda *args, **kwargs: last(run(*args, **kwargs)))


__all__ = ["ChatInterface"]
