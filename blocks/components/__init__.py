"""The components, one module per family."""

from .buttons import Button, ClearButton, DuplicateButton
from .choices import CheckboxGroup, Dropdown, Radio
from .code import Code
from .dataset import Dataset
from .display import JSON, HighlightedText, Label
from .files import DownloadButton, File, Files, UploadButton
from .html import HTML
from .image import Image
from .native_plot import BarPlot, LinePlot, ScatterPlot
from .numbers import Number, Slider
from .pickers import ColorPicker, DateTime
from .plot import Plot
from .text import InputHTMLAttributes, Markdown, TextArea, Textbox
from .timer import Timer
from .toggles import Checkbox

__all__ = [
    "Button", "Checkbox", "CheckboxGroup", "ClearButton", "Code", "ColorPicker", "Dataset", "DateTime", "Dropdown",
    "DuplicateButton", "HighlightedText", "HTML", "InputHTMLAttributes", "JSON", "Label", "Markdown", "Number",
    "Radio", "Slider", "TextArea", "Textbox", "Timer",
    "DownloadButton", "File", "Files", "UploadButton",
    "Image",
    "BarPlot", "LinePlot", "Plot", "ScatterPlot",
]
