"""The components, one module per family."""

from .annotated_image import AnnotatedImage
from .audio import Audio, Mic, Microphone, WaveformOptions
from .buttons import Button, ClearButton, DeepLinkButton, DuplicateButton
from .chatbot import Chatbot, ChatMessage, MessageDict
from .choices import CheckboxGroup, Dropdown, Radio
from .code import Code
from .dataframe import DataFrame, Dataframe, Matrix, Numpy
from .dataset import Dataset
from .dialogue import Dialogue
from .display import JSON, HighlightedText, Label
from .explorer import FileExplorer
from .files import DownloadButton, File, Files, UploadButton
from .html import HTML
from .image import Image
from .image_slider import ImageSlider
from .model3d import Model3D
from .multimodal import MultimodalTextbox
from .native_plot import BarPlot, LinePlot, ScatterPlot
from .navbar import Navbar
from .numbers import Number, Slider
from .paramviewer import ParamViewer
from .pickers import ColorPicker, DateTime
from .plot import Plot
from .text import InputHTMLAttributes, Markdown, TextArea, Textbox
from .timer import Timer
from .toggles import Checkbox
from .video import PlayableVideo, Video, WatermarkOptions

__all__ = [
    "Button", "Checkbox", "CheckboxGroup", "ClearButton", "Code", "ColorPicker", "Dataset", "DateTime", "Dropdown",
    "DeepLinkButton", "DuplicateButton", "HighlightedText", "HTML", "InputHTMLAttributes", "JSON", "Label", "Markdown",
    "Number",
    "Radio", "Slider", "TextArea", "Textbox", "Timer",
    "DownloadButton", "File", "Files", "UploadButton",
    "Image",
    "AnnotatedImage", "Audio", "BarPlot", "Chatbot", "ChatMessage", "DataFrame", "Dataframe", "FileExplorer",
    "ImageSlider", "LinePlot", "Matrix", "MessageDict", "Mic", "Microphone", "Model3D", "MultimodalTextbox", "Numpy",
    "PlayableVideo", "Plot", "ScatterPlot", "Video", "WatermarkOptions", "WaveformOptions",
    "Navbar",
    "Dialogue", "ParamViewer",
]
