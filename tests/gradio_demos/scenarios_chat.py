"""Scenarios for Gradio's chat demos (gr.Chatbot, gr.ChatInterface, gr.MultimodalTextbox).

Looks: "chat" is every message's role and text, in order ("user: hi", "bot: How are you?"), read
from the elements Gradio marks data-testid="user" / "bot" (blocks marks its bubbles the same);
"chat_roles" only the roles, for demos that answer at random.
"""

from __future__ import annotations

from typing import Any

_MESSAGES = """() => [...document.querySelectorAll('[data-testid=user], [data-testid=bot]')]
    .map((e) => [e.getAttribute('data-testid'), e.innerText.replace(/\\s+/g, ' ').trim()])"""


def _chat(page: Any, target: str) -> list[str]:
    return [f"{role}: {text}" for role, text in page.evaluate(_MESSAGES)]


def _roles(page: Any, target: str) -> list[str]:
    return [role for role, _ in page.evaluate(_MESSAGES)]


def _click_text(page: Any, target: str) -> None:
    page.get_by_text(target, exact=True).first.click()


def _click_last(page: Any, target: str) -> None:
    """The last button of that name (the Chatbot's own Clear comes before the demo's)."""
    page.get_by_role("button", name=target, exact=True).last.click()


def _send(page: Any, placeholder: str, text: str) -> None:
    """Write a message in the box with that placeholder (ChatInterface's has no label) and press Enter."""
    box = page.get_by_placeholder(placeholder, exact=True)
    box.fill(text)
    box.press("Enter")


def _send_last(page: Any, selector: str, text: str) -> None:
    """Write in the last element matching a CSS selector (a message box with no label nor placeholder)."""
    box = page.locator(selector).last
    box.fill(text)
    box.press("Enter")


LOOKS = {"chat": _chat, "chat_roles": _roles}
ACTIONS = {"click_text": _click_text, "click_last": _click_last, "send": _send, "send_last": _send_last}
MESSAGE = "Type a message..."

SCENARIOS = {
    "chatbot_simple": [("fill", "Textbox", "hi"), ("press", "Textbox", "Enter"), ("sleep", 3),
                       ("look", "chat_roles", "log"), ("look", "value", "Textbox"), ("click_last", "Clear"),
                       ("look", "chat_roles", "log")],
    "chatbot_streaming": [("fill", "Textbox", "hello"), ("press", "Textbox", "Enter"), ("sleep", 2),
                          ("look", "chat_roles", "log"), ("click_last", "Clear"), ("look", "chat_roles", "log")],
    "chatbot_consecutive": [("fill", "Textbox", "one"), ("press", "Textbox", "Enter"), ("sleep", 3),
                            ("look", "chat_roles", "log")],
    "chatbot_thoughts": [("fill", "Textbox", "why?"), ("press", "Textbox", "Enter"), ("sleep", 4),
                         ("look", "chat_roles", "log"), ("look", "text", "Thinking..."),
                         ("look", "text", "my response is: This dummy repro")],
    "chatbot_editable": [("click", "Add Message"), ("look", "value", "Concatenated Chat 1"), ("look", "chat", "log"),
                         ("click", "Add User Message"), ("look", "value", "Concatenated Chat 1")],
    "chatbot_feedback": [("click", "Test Liked Loading"), ("look", "chat", "log")],
    "chatbot_multimodal": [("send", "Enter message or upload file...", "see $$x^2$$"), ("sleep", 2),
                           ("look", "chat_roles", "log"), ("look", "text", "That's cool!"),
                           ("look", "css_visible", "[data-testid=user] math"),
                           ("look", "css_visible", "[data-testid=bot] strong")],
    "chatinterface_echo_multimodal": [("send_last", "textarea", "hi there"), ("sleep", 1.5), ("look", "chat", "log")],
    "chatinterface_prefill": [("check", "Greeting"), ("look", "chat", "log"), ("check", "Blank"),
                              ("look", "chat_roles", "log"), ("send", MESSAGE, "hello?"), ("sleep", 1),
                              ("look", "chat_roles", "log")],
    "chatinterface_artifacts": [("send", MESSAGE, "Python"), ("sleep", 1), ("look", "chat", "log"),
                                ("look", "text", "return fib(n-1) + fib(n-2)")],
    "test_chatinterface_examples": [("look", "text", "Hey"), ("click_text", "Hey"), ("sleep", 1),
                                    ("look", "chat", "log")],
    "chatinterface_streaming_echo": [("send", MESSAGE, "hey"), ("sleep", 1.5),
                                     ("look", "chat", "log")],
    "chatinterface_random_response": [("send", MESSAGE, "question"), ("sleep", 1),
                                      ("look", "chat_roles", "log"), ("look", "text", "question")],
    "chatinterface_system_prompt": [("send", MESSAGE, "hi"), ("sleep", 2),
                                    ("look", "chat", "log")],
    "chatinterface_options": [("click_text", "Write an example Python lambda function."), ("sleep", 1),
                              ("look", "text", "Is this correct?"), ("click", "Yes"), ("sleep", 1),
                              ("look", "text", "Great!"), ("look", "chat_roles", "log")],
}
