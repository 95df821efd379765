"""The components, one module per family."""

from .buttons import Button
from .choices import CheckboxGroup, Dropdown, Radio
from .code import Code
from .display import HTML, JSON, HighlightedText, Label
from .numbers import Number, Slider
from .text import Markdown, Textbox
from .toggles import Checkbox

__all__ = ["Button", "Checkbox", "CheckboxGroup", "Code", "Dropdown", "HTML", "HighlightedText", "JSON", "Label",
           "Markdown", "Number", "Radio", "Slider", "Textbox"]
