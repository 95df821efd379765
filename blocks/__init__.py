"""blocks: build web apps from components and event listeners, with Gradio's Blocks API.

    import blocks as gr
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        name.submit(lambda n: f"Hello {n}!", name, greeting)
    demo.launch()
"""

from . import themes
from .app import Blocks
from .component import Block, Component
from .components import Button, Checkbox, CheckboxGroup, Dropdown, Markdown, Number, Radio, Slider, Textbox
from .errors import BlocksError, Error, InvalidValueError
from .events import Dependency, EventListener, on
from .feedback import Info, Progress, Warning  # noqa: A004 - Gradio's name
from .layout import Column, Group, Row
from .request import (
    CopyData, DeletedFileData, DownloadData, EditData, EventData, KeyUpData, LikeData, Request, RetryData, SelectData,
    UndoData,
)
from .render import render
from .state import BrowserState, State
from .updates import update

__version__ = "0.1.0"

__all__ = [
    "Block", "Blocks", "BlocksError", "BrowserState", "Button", "Checkbox", "CheckboxGroup", "Column", "Component",
    "CopyData", "DeletedFileData", "DownloadData", "EditData", "KeyUpData", "LikeData", "RetryData", "SelectData",
    "UndoData",
    "Dependency", "Dropdown", "Error", "EventData", "EventListener", "Group", "Info", "InvalidValueError", "Markdown",
    "Number", "Progress", "Radio", "Request", "Row", "Slider", "State", "Textbox", "Warning", "on", "render", "themes",
    "update",
]

# Gradio's public names that blocks does not have yet: using one is a BlocksError that says so
# (not an AttributeError), raised when the app is built.
NOT_YET = frozenset("""
Accordion AnnotatedImage Annotatedimage Audio BarPlot Brush CSVLogger Cache ChatInterface ChatMessage Chatbot
Checkboxgroup ClearButton Code ColorPicker DataFrame Dataframe Dataset DateTime DeepLinkButton Dialogue
DownloadButton Draggable DuplicateButton Eraser Examples File FileData FileExplorer FileSize Files FlaggingCallback
Gallery HTML Header Highlight HighlightedText Highlightedtext I18n Image ImageEditor ImageMask ImageSlider
InputHTMLAttributes Interface JSON Json Label LayerOptions LinePlot List LoginButton Matrix MessageDict Mic
Microphone Model3D MultimodalTextbox NO_RELOAD Navbar Numpy OAuthProfile OAuthToken Paint ParamViewer PlayableVideo
Plot ScatterPlot Server Sidebar SimpleCSVLogger Sketchpad Step Success Tab TabItem TabbedInterface Tabs Text TextArea
Theme Timer UploadButton Video Walkthrough WatermarkOptions WaveformOptions WebcamOptions Workflow WorkflowCanvas api
close_all deploy load mount_gradio_app set_static_paths skip validate
""".split())


def __getattr__(name: str) -> object:
    if name in NOT_YET and name not in globals():
        raise BlocksError(f"gr.{name} is not supported by blocks yet. What is: {', '.join(sorted(__all__))}. "
                          f"See the README's component table for what is coming.")
    raise AttributeError(f"module 'blocks' has no attribute '{name}'")
