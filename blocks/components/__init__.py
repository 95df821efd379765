"""The components, one module per family."""

from .buttons import Button, ClearButton
from .choices import CheckboxGroup, Dropdown, Radio
from .numbers import Number, Slider
from .text import Markdown, Textbox
from .toggles import Checkbox

__all__ = ["Button", "Checkbox", "CheckboxGroup", "ClearButton", "Dropdown", "Markdown", "Number", "Radio", "Slider",
           "Textbox"]
