"""blocks: build web apps from components and event listeners, with Gradio's Blocks API.

    import blocks as gr
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        name.submit(lambda n: f"Hello {n}!", name, greeting)
    demo.launch()
"""

from . import themes, tree
from .app import Blocks
from .component import Block, Component
from .components import (
    HTML,
    JSON,
    Button,
    Checkbox,
    CheckboxGroup,
    ClearButton,
    Code,
    ColorPicker,
    DateTime,
    Dropdown,
    HighlightedText,
    Label,
    Markdown,
    Number,
    Radio,
    Slider,
    Textbox,
    Timer,
)
from .errors import BlocksError, Error, InvalidValueError
from .events import Dependency, EventListener, on
from .feedback import Info, Progress, Success, Warning, skip, validate  # noqa: A004 - Gradio's name
from .layout import Accordion, Column, Group, Row, Sidebar
from .refresh import attach as _attach_refresh  # noqa: F401 - sets Component.refresh
from .render import render
from .request import (
    CopyData,
    DeletedFileData,
    DownloadData,
    EditData,
    EventData,
    KeyUpData,
    LikeData,
    Request,
    RetryData,
    SelectData,
    UndoData,
)
from .state import BrowserState, State
from .tabs import Tab, TabItem, Tabs
from .updates import update
from .version import __version__ as __version__

Highlightedtext, Json = HighlightedText, JSON  # Gradio's aliases


def _load_server() -> tree.Serving:
    """The server side, imported on first use so that `import blocks` stays free of FastAPI and uvicorn."""
    from . import launch  # noqa: PLC0415

    return launch  # type: ignore[return-value]


tree.attach_server(_load_server)

__all__ = [
    "Accordion", "Block", "Blocks", "BlocksError", "BrowserState", "Button", "Checkbox", "CheckboxGroup",
    "ClearButton", "Code", "ColorPicker", "Column", "Component", "CopyData", "DateTime", "DeletedFileData",
    "Dependency", "DownloadData", "Dropdown", "EditData", "Error", "EventData", "EventListener", "Group", "HTML",
    "HighlightedText", "Highlightedtext", "Info", "InvalidValueError", "JSON", "Json", "KeyUpData", "Label",
    "LikeData", "Markdown", "Number", "Progress", "Radio", "Request", "RetryData", "Row", "SelectData", "Sidebar",
    "Slider", "State", "Success", "Tab", "TabItem", "Tabs", "Textbox", "Timer", "UndoData", "Warning", "on", "render",
    "skip", "themes", "update", "validate",
]

# Gradio's public names that blocks does not have yet: using one is a BlocksError that says so
# (not an AttributeError), raised when the app is built.
NOT_YET = frozenset("""
AnnotatedImage Annotatedimage Audio BarPlot Brush CSVLogger Cache ChatInterface ChatMessage Chatbot
Checkboxgroup DataFrame Dataframe Dataset DeepLinkButton Dialogue
DownloadButton Draggable DuplicateButton Eraser Examples File FileData FileExplorer FileSize Files FlaggingCallback
Gallery Header Highlight I18n Image ImageEditor ImageMask ImageSlider
InputHTMLAttributes Interface LayerOptions LinePlot List LoginButton Matrix MessageDict Mic
Microphone Model3D MultimodalTextbox NO_RELOAD Navbar Numpy OAuthProfile OAuthToken Paint ParamViewer PlayableVideo
Plot ScatterPlot Server SimpleCSVLogger Sketchpad Step TabbedInterface Text TextArea
Theme Timer UploadButton Video Walkthrough WatermarkOptions WaveformOptions WebcamOptions Workflow WorkflowCanvas api
close_all deploy load mount_gradio_app set_static_paths
""".split())


def __getattr__(name: str) -> object:
    if name in NOT_YET and name not in globals():
        raise BlocksError(f"gr.{name} is not supported by blocks yet; the README's component table lists "
                          f"what is, and what is coming.")
    raise AttributeError(f"module 'blocks' has no attribute '{name}'")
