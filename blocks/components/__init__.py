"""The components, one module per family."""

from .buttons import Button
from .choices import CheckboxGroup
from .numbers import Number
from .text import Markdown, Textbox

__all__ = ["Button", "CheckboxGroup", "Markdown", "Number", "Textbox"]
