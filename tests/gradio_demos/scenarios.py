"""What a user does with each of Gradio's demos in tests/gradio_demos, and what they look at.

Each scenario is a list of steps. Actions: ("fill", label, text), ("press", label, key),
("click", button name), ("check", label), ("uncheck", label), ("tab", tab name), ("row", a table row's accessible name:
a Dataset sample). Observations ("look", kind, target) record what the page shows: kind "value"
(an input's value, found by its label), "visible" (an input, by label), "button" (a button's state,
by name), "checked" (a checkbox or radio, by label), "tab" (a tab's state, by name), "text"
(whether the text is visible), or "css_visible" / "css_value" (by CSS selector, where Gradio gives an element no
accessible name). `nth` picks among several matches (Gradio gives unlabelled textboxes the same label, "Textbox").

record.py runs every scenario against the demo served by real Gradio and stores what it saw in
expected.json; tests/browser/test_gradio_demos.py replays them against blocks and compares.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

Step = tuple[Any, ...]

SCENARIOS: dict[str, list[Step]] = {
    "function_values": [("look", "text", "Algeria"), ("uncheck", "Alphabetical Order"),
                        ("look", "text", "United States"), ("look", "text", "Algeria")],
    "render_merge_simple": [("click", "Add Box"), ("fill", "Box 0", "a"), ("fill", "Box 1", "b"),
                            ("click", "Merge"), ("look", "value", "Merged Output")],
    "hello_blocks": [("fill", "Name", "Ada"), ("click", "Greet"), ("look", "value", "Output Box")],
    "hello_blocks_decorator": [("fill", "Name", "Bob"), ("click", "Greet"), ("look", "value", "Output Box")],
    "blocks_hello": [("fill", "Textbox", "Ada", 0), ("look", "value", "Textbox", 1), ("look", "text", "Hello World!")],
    "input_output": [("fill", "Input-Output", "stressed"), ("click", "Run"), ("look", "value", "Input-Output")],
    "reversible_flow": [("fill", "a", "4"), ("click", "a > b"), ("look", "value", "b"), ("click", "b > a"),
                        ("look", "value", "a")],
    "calculator_list_and_dict": [("fill", "a", "7"), ("fill", "b", "3"), ("click", "Add"), ("look", "value", "sum"),
                                 ("click", "Subtract"), ("look", "value", "sum")],
    "blocks_page_load": [("look", "value", "Output")],
    "simple_state": [("check", "Milk"), ("check", "Water"), ("click", "Add Items"), ("look", "value", "Cart Size"),
                     ("click", "Add Items"), ("look", "value", "Cart Size")],
    "hangman": [("fill", "Enter letter", "a"), ("click", "Guess Letter"), ("look", "value", "Hangman"),
                ("fill", "Enter letter", "g"), ("click", "Guess Letter"), ("look", "value", "Hangman"),
                ("look", "value", "Used Letters")],
    "on_listener_basic": [("fill", "Name", "Eve"), ("click", "Greet"), ("look", "value", "Output Box"),
                          ("look", "value", "Trigger Box"), ("look", "value", "Name"),
                          ("fill", "Name", "Sam"), ("press", "Name", "Enter"), ("look", "value", "Output Box"),
                          ("look", "value", "Trigger Box")],
    "on_listener_decorator": [("fill", "Name", "Eve"), ("click", "Greet"), ("look", "value", "Output Box"),
                              ("fill", "Name", "Kim"), ("press", "Name", "Enter"), ("look", "value", "Output Box")],
    "blocks_form": [("fill", "Name", "Ann"), ("fill", "Age", "30"), ("check", "Cough"),
                    ("look", "visible", "Diagnosis"), ("click", "Submit"), ("look", "value", "Diagnosis"),
                    ("look", "value", "Patient Summary"), ("look", "button", "Submit")],
    "blocks_essay_simple": [("look", "css_visible", "textarea"), ("check", "none"), ("look", "css_visible", "textarea"),
                            ("check", "long"), ("look", "css_visible", "textarea"), ("look", "css_value", "textarea")],
    "blocks_chained_events": [("click", "Trigger Success"), ("look", "value", "Result"),
                              ("click", "Trigger Failure"), ("look", "value", "Failure Event"),
                              ("look", "text", "This should fail!"),
                              ("click", "Trigger Consecutive Success"), ("look", "value", "Consecutive Event"),
                              ("click", "Trigger Info"), ("look", "text", "This is some info"),
                              ("click", "Trigger Warning"), ("look", "text", "This is a warning!")],
    "count_generator": [("fill", "Number", "3"), ("click", "List"), ("look", "value", "Textbox"),
                        ("click", "Count"), ("sleep", 3), ("look", "value", "Textbox")],
    "markdown_example": [("look", "text", "The Last Markdown Editor, Ever")],
    "textbox_component": [("fill", "Textbox", "typed"), ("look", "value", "Textbox")],
    "number_component": [("look", "value", "Number")],
    "checkbox_component": [("check", "Checkbox"), ("look", "visible", "Checkbox")],
    "visibility_test": [("click", "Get Value"), ("look", "value", "Output"), ("click", "Increment Counter"),
                        ("look", "value", "Counter Result"), ("check", "Hidden (in DOM)"),
                        ("look", "visible", "Test Input"), ("look", "value", "Status"),
                        ("check", "Not Visible (removed)"), ("look", "button", "Get Value"),
                        ("check", "Visible"), ("look", "visible", "Test Input"), ("click", "Get Value"),
                        ("look", "value", "Output"), ("click", "Reveal Hidden Column"),
                        ("look", "visible", "Revealed"), ("look", "text", "Column X"),
                        ("click", "Hide Revealed Column"), ("look", "visible", "Revealed")],
    "blocks_update": [("look", "visible", "Extra Details"), ("check", "Fish"), ("look", "visible", "Extra Details"),
                      ("fill", "Extra Details", "big fins"), ("click", "Generate"), ("look", "value", "Output")],
    "validator_simple": [("fill", "Enter age", "2"), ("fill", "Enter location", "Paris"),
                         ("click", "Process with Validation"), ("look", "text", "Age must be at least 3"),
                         ("fill", "Enter age", "30"), ("click", "Process with Validation"),
                         ("look", "value", "Output (with validation)")],
    "dropdown_custom_value": [("look", "value", "Output")],
    "accordion_tab_switch": [("look", "visible", "Name"), ("check", "Accordion Open"), ("look", "visible", "Name"),
                             ("click", "Switch to Tab 2"), ("look", "text", "This is Tab 2 content."),
                             ("look", "tab", "Tab 2"), ("look", "tab", "Tab 1")],
    "tab_render_children": [("look", "text", "This tab is visible by default"), ("tab", "Tab 2"),
                            ("look", "visible", "Will be rendered but hidden"),
                            ("look", "visible", "Will not be rendered"),
                            ("look", "text", "This tab is visible by default")],
    "tabs_visibility": [("look", "tab", "abc"), ("look", "tab", "def"), ("click", "Make visible"),
                        ("look", "tab", "def"), ("tab", "def"), ("look", "visible", "def"), ("look", "visible", "abc")],
    "invisible_textbox": [("look", "css_visible", "#test-textbox :is(input, textarea)"), ("click", "Show"),
                          ("look", "css_visible", "#test-textbox :is(input, textarea)"), ("click", "Hide"),
                          ("look", "css_visible", "#test-textbox :is(input, textarea)"), ("tab", "Another Tab"),
                          ("click", "Show Message"), ("look", "text", "This is another tab to demonstrate"),
                          ("tab", "Third Tab"), ("look", "visible", "Visible Textbox"), ("click", "Show Accordion"),
                          ("look", "visible", "Visible Textbox")],
    "calculator_blocks": [("look", "value", "Number", 0), ("row", "4 divide 2"), ("look", "value", "Number", 0),
                          ("look", "checked", "divide"), ("look", "value", "Number", 1), ("row", "-4 multiply 2.5"),
                          ("look", "value", "Number", 0), ("look", "value", "Number", 1),
                          ("look", "checked", "multiply"), ("click", "Calculate"), ("look", "value", "Number", 2)],
    "calculator_blocks_cached": [("look", "value", "Number", 0), ("look", "checked", "add"),
                                 ("look", "value", "Number", 2), ("row", "-4 multiply 2.5"),
                                 ("look", "value", "Number", 0), ("look", "checked", "multiply"),
                                 ("look", "value", "Number", 2), ("row", "4 divide 2"),
                                 ("look", "value", "Number", 1), ("look", "value", "Number", 2)],
    "dataset_component": [("look", "text", "Text Dataset"), ("look", "button", "Lorem ipsum"),
                          ("look", "button", "That's all folks!"), ("click", "Lorem ipsum"),
                          ("look", "text", "Supercalifragilisticexpialidocious")],
    "skip": [("click", "Clear"), ("look", "value", "Number", 0), ("click", "Skip"), ("look", "value", "Number", 1)],
    "hello_world": [("fill", "name", "Ada"), ("click", "Submit"), ("look", "value", "output"),
                    ("click", "Clear"), ("look", "value", "name"), ("look", "value", "output")],
    "hello_world_2": [("fill", "name", "Bo"), ("click", "Submit"), ("look", "value", "greeting")],
    "hello_world_3": [("fill", "name", "Ann"), ("check", "is_morning"), ("click", "Submit"),
                      ("look", "value", "output 0"), ("look", "value", "output 1")],
    "hello_world_4": [("fill", "name", "Zed"), ("press", "name", "Enter"), ("look", "value", "output")],
    "calculator": [("look", "text", "Toy Calculator"), ("look", "text", "Here's a sample toy calculator."),
                   ("row", "45 add 3"), ("look", "value", "num1"), ("look", "checked", "add"),
                   ("look", "value", "num2"), ("click", "Submit"), ("look", "value", "output"),
                   ("check", "divide"), ("fill", "num2", "0"), ("click", "Submit"),
                   ("look", "text", "Cannot divide by zero!")],
    "calculator_live": [("look", "button", "Submit"), ("fill", "num1", "6"), ("check", "multiply"),
                        ("fill", "num2", "7"), ("look", "value", "output")],
    "interface_state": [("fill", "message", "first"), ("click", "Submit"), ("fill", "message", "second"),
                        ("click", "Submit"), ("look", "text", "Previous messages"),
                        ("look", "text", "Current messages")],
    "sentence_builder": [("look", "text", "Choose between 2 and 20"), ("look", "value", "output"),
                         ("look", "checked", "Morning"), ("check", "Japan"), ("check", "zoo"), ("check", "Morning"),
                         ("click", "Submit"), ("look", "value", "output")],
}

# More scenarios, one file an area (scenarios_<area>.py), each with its SCENARIOS and optionally ACTIONS and
# LOOKS: new kinds of step, {kind: function(page, target, *rest)} (an action does it; a look returns what it sees).
ACTIONS: dict[str, Callable[..., None]] = {}
LOOKS: dict[str, Callable[..., Any]] = {}
for _path in sorted(Path(__file__).resolve().parent.glob("scenarios_*.py")):
    _area = importlib.import_module(_path.stem)
    for _mine, _theirs in ((SCENARIOS, _area.SCENARIOS), (ACTIONS, getattr(_area, "ACTIONS", {})),
                           (LOOKS, getattr(_area, "LOOKS", {}))):
        _twice = set(_mine) & set(_theirs)
        if _twice:  # one area's step kind or scenario would silently replace another's
            raise ValueError(f"{_path.name} defines {sorted(_twice)} again; give them names of their own")
        _mine.update(_theirs)


def _locate(page: Any, label: str, nth: int = 0) -> Any:
    return page.get_by_label(label, exact=True).nth(nth)


def perform(page: Any, step: Step) -> None:
    """Do one action as a user would."""
    kind, target, *rest = step
    if kind in ACTIONS:
        ACTIONS[kind](page, target, *rest)
    elif kind == "fill":
        _locate(page, target, *rest[1:]).fill(rest[0])
    elif kind == "press":
        _locate(page, target).press(rest[0])
    elif kind == "click":
        page.get_by_role("button", name=target, exact=True).click()
    elif kind == "check":
        page.get_by_label(target, exact=True).check()
    elif kind == "uncheck":
        page.get_by_label(target, exact=True).uncheck()
    elif kind == "tab":
        page.get_by_role("tab", name=target, exact=True).click()
    elif kind == "row":
        page.get_by_role("row", name=target, exact=True).click()
    elif kind == "sleep":
        page.wait_for_timeout(target * 1000)
    else:
        raise ValueError(f"unknown action {kind!r}")


def observe(page: Any, step: Step) -> Any:
    """What the page shows for one ("look", kind, target[, nth]) step."""
    _, kind, target, *rest = step
    if kind in LOOKS:
        return LOOKS[kind](page, target, *rest)
    if kind == "value":  # None when there is no such input (Gradio removes visible=False ones)
        found = _locate(page, target, *rest)
        return found.input_value() if page.get_by_label(target, exact=True).count() > (rest[0] if rest else 0) \
            else None
    if kind == "visible":
        return _locate(page, target, *rest).is_visible()
    if kind == "button":
        button = page.get_by_role("button", name=target, exact=True)
        return "absent" if not button.count() else "hidden" if not button.is_visible() else \
            "enabled" if button.is_enabled() else "disabled"
    if kind == "checked":
        return page.get_by_label(target, exact=True).is_checked()
    if kind == "tab":  # a tab button: absent, hidden, selected or unselected
        tab = page.get_by_role("tab", name=target, exact=True)
        if not tab.count():
            return "absent"
        return "hidden" if not tab.is_visible() else \
            "selected" if tab.get_attribute("aria-selected") == "true" else "unselected"
    if kind == "css_visible":  # where Gradio gives an element no accessible name
        found = page.locator(target)
        return found.count() > 0 and found.first.is_visible()
    if kind == "css_value":
        found = page.locator(target)
        return found.first.input_value() if found.count() else None
    if kind == "text":
        return page.get_by_text(target).first.is_visible()
    raise ValueError(f"unknown observation {kind!r}")
