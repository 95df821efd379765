"""Scenarios of the demos that flagging, launch(auth=...), gr.Cache, gr.I18n and Dropdown(None choice)
unblocked (i18n in the recorder's English browser).

"login" fills the login form (Gradio's and blocks' both label their fields username / password and
name the button Login) and waits for the app. Demos in LOGIN_FIRST open on the login page.
"""

from __future__ import annotations

from typing import Any


def _login(page: Any, username: str, password: str) -> None:
    page.get_by_label("username").fill(username)
    page.get_by_label("password").fill(password)
    page.get_by_role("button", name="Login").click()
    page.wait_for_timeout(1500)
    page.wait_for_load_state()


ACTIONS = {"login": _login}
LOGIN_FIRST = {"hello_login"}

SCENARIOS = {
    "hello_login": [("login", "admin", "wrong"), ("look", "text", "Incorrect Credentials"),
                    ("login", "admin", "admin"), ("look", "text", "Greetings User!"),
                    ("fill", "Textbox", "hi there", 0), ("look", "value", "Textbox", 1)],
    "longest_word": [("fill", "text", "a bb cccc"), ("click", "Submit"), ("look", "text", "4"),
                     ("look", "button", "Flag"), ("click", "Flag"), ("look", "button", "Flag"),
                     ("click", "Clear"), ("look", "value", "text")],
    "cache_manual_demo": [("fill", "City", " Tokyo "), ("click", "Lookup"), ("sleep", 2.5),
                          ("look", "value", "Status"), ("look", "value", "Cache key used"), ("fill", "City", "TOKYO"),
                          ("click", "Lookup"), ("sleep", 0.5), ("look", "value", "Status"),
                          ("look", "value", "Forecast")],
    # Not replayed yet: Greet with the untouched name (the server still holds the untranslated initial value)
    # and Reset Name (a listener's i18n() return is sent untranslated); see blocks/i18n.py.
    "i18n": [("look", "text", "Hello, welcome to my app!"), ("look", "value", "Your Name"), ("fill", "Your Name", "Bo"),
             ("click", "Greet"), ("look", "value", "Result"), ("look", "checked", "Bold"), ("check", "Italic"),
             ("look", "value", "Selected Format")],
    "code": [("look", "button", "Run"), ("look", "button", "Load File"), ("look", "text", "Input")],
}
