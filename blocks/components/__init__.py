"""The components, one module per family."""

from .annotated_image import AnnotatedImage
from .audio import Audio, Mic, Microphone, WaveformOptions
from .buttons import Button, ClearButton, DuplicateButton
from .chatbot import Chatbot, ChatMessage, MessageDict
from .choices import CheckboxGroup, Dropdown, Radio
from .code import Code
from .dataframe import DataFrame, Dataframe, Matrix, Numpy
from .dataset import Dataset
from .display import JSON, HighlightedText, Label
from .explorer import FileExplorer
from .files import DownloadButton, File, Files, UploadButton
from .html import HTML
from .image import Image
from .image_slider import ImageSlider
from .model3d import Model3D
from .multimodal import MultimodalTextbox
from .numbers import Number, Slider
from .pickers import ColorPicker, DateTime
from .text import InputHTMLAttributes, Markdown, TextArea, Textbox
from .timer import Timer
from .toggles import Checkbox
from .video import PlayableVideo, Video, WatermarkOptions

__all__ = [
    "Button", "Checkbox", "CheckboxGroup", "ClearButton", "Code", "ColorPicker", "Dataset", "DateTime", "Dropdown",
    "DuplicateButton", "HighlightedText", "HTML", "InputHTMLAttributes", "JSON", "Label", "Markdown", "Number",
    "Radio", "Slider", "TextArea", "Textbox", "Timer",
    "DownloadButton", "File", "Files", "UploadButton",
    "Image",
    "AnnotatedImage", "ImageSlider",
    "Audio", "FileExplorer", "Mic", "Microphone", "Model3D", "PlayableVideo", "Video", "WatermarkOptions",
    "WaveformOptions",
    "ChatMessage", "Chatbot", "MessageDict", "MultimodalTextbox",
    "DataFrame", "Dataframe", "Matrix", "Numpy",
]
