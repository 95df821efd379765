"""The components, one module per family."""

from .buttons import Button
from .choices import CheckboxGroup, Dropdown, Radio
from .numbers import Number
from .text import Markdown, Textbox

__all__ = ["Button", "CheckboxGroup", "Dropdown", "Markdown", "Number", "Radio", "Textbox"]
