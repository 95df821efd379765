"""The components, one module per family."""

from .buttons import Button, ClearButton
from .choices import CheckboxGroup, Dropdown, Radio
from .code import Code
from .display import JSON, HighlightedText, Label
from .html import HTML
from .numbers import Number, Slider
from .pickers import ColorPicker, DateTime
from .text import Markdown, Textbox
from .timer import Timer
from .toggles import Checkbox

__all__ = [
    "Button", "Checkbox", "CheckboxGroup", "ClearButton", "Code", "ColorPicker", "DateTime", "Dropdown", "HTML",
    "HighlightedText", "JSON", "Label", "Markdown", "Number", "Radio", "Slider", "Textbox", "Timer",
]
