"""blocks: build web apps from components and event listeners, with Gradio's Blocks API.

    import blocks as gr
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        name.submit(lambda n: f"Hello {n}!", name, greeting)
    demo.launch()
"""

from . import errors, mcp, shortcuts, themes, tree
from .api import api
from .app import Blocks
from .caching import Cache, cache
from .chat_interface import ChatInterface
from .component import Block, Component
from .components import (
    HTML,
    JSON,
    AnnotatedImage,
    BarPlot,
    Button,
    Chatbot,
    ChatMessage,
    Checkbox,
    CheckboxGroup,
    ClearButton,
    Code,
    ColorPicker,
    DataFrame,
    Dataframe,
    Dataset,
    DateTime,
    DeepLinkButton,
    Dialogue,
    DownloadButton,
    Dropdown,
    DuplicateButton,
    File,
    Files,
    HighlightedText,
    Image,
    ImageSlider,
    InputHTMLAttributes,
    Label,
    LinePlot,
    Markdown,
    Matrix,
    MessageDict,
    MultimodalTextbox,
    Navbar,
    Number,
    Numpy,
    ParamViewer,
    Plot,
    Radio,
    ScatterPlot,
    Slider,
    TextArea,
    Textbox,
    Timer,
    UploadButton,
)
from .components.audio import Audio, Mic, Microphone, WaveformOptions
from .components.explorer import FileExplorer
from .components.gallery import Gallery
from .components.image_editor import (
    Brush,
    Eraser,
    ImageEditor,
    ImageMask,
    LayerOptions,
    Paint,
    Sketchpad,
    WebcamOptions,
)
from .components.model3d import Model3D
from .components.video import PlayableVideo, Video, WatermarkOptions
from .errors import BlocksError, Error, InvalidValueError, not_yet
from .events import Dependency, EventListener, on
from .examples import Examples
from .feedback import Info, Progress, Success, Warning, skip, validate  # noqa: A004 - Gradio's name
from .files import FileData, FileSize, set_static_paths
from .flagging import ClassicCSVLogger, CSVLogger, FlaggingCallback, SimpleCSVLogger
from .i18n import I18n
from .interface import Interface
from .layout import Accordion, Column, Draggable, Group, Row, Sidebar
from .media import get_audio, get_file, get_image, get_model3d, get_video
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
from .tabbed_interface import TabbedInterface
from .tabs import Step, Tab, TabItem, Tabs, Walkthrough
from .updates import update
from .version import __version__ as __version__

# Gradio's aliases
Highlightedtext = Highlight = HighlightedText
Annotatedimage = AnnotatedImage
Json, Text, Checkboxgroup, Theme = JSON, Textbox, CheckboxGroup, themes.Base
NO_RELOAD = True  # blocks has no reload mode: code under `if gr.NO_RELOAD:` always runs
close_all = tree.close_all


def mount_gradio_app(app: object, blocks: Blocks, path: str, *args: object, **kwargs: object) -> object:
    """Serve `blocks` at `path` ("/gradio") of an existing FastAPI app, as Gradio's; returns the app."""
    return tree.server().mount_gradio_app(app, blocks, path, *args, **kwargs)


def _load_server() -> tree.Serving:
    """The server side, imported on first use so that `import blocks` stays free of FastAPI and uvicorn."""
    from . import launch  # noqa: PLC0415

    return launch  # type: ignore[return-value]


tree.attach_server(_load_server)

__all__ = [
    "AnnotatedImage", "Annotatedimage", "ImageSlider",
    "Accordion", "Audio", "Block", "Blocks", "BlocksError", "BrowserState", "Button", "Chatbot", "ChatInterface",
    "ChatMessage", "Checkbox", "CheckboxGroup", "Checkboxgroup", "ClearButton", "close_all", "Code", "ColorPicker",
    "Column", "Component", "CopyData", "DataFrame", "Dataframe", "Dataset", "DateTime", "DeepLinkButton",
    "DeletedFileData", "Dependency", "DownloadButton", "DownloadData", "Dropdown", "DuplicateButton", "EditData",
    "Error", "EventData",
    "EventListener", "Examples", "File", "FileData", "FileExplorer", "Files", "FileSize", "get_audio", "get_file",
    "get_image", "get_model3d", "get_video", "Group", "Highlight", "HighlightedText", "Highlightedtext", "HTML",
    "Image", "Info", "InputHTMLAttributes", "Interface", "InvalidValueError", "JSON", "Json", "KeyUpData", "Label",
    "LikeData", "Markdown", "Matrix", "MessageDict", "Mic", "Microphone", "Model3D", "mount_gradio_app",
    "MultimodalTextbox", "Navbar", "NO_RELOAD", "Number", "Numpy", "on", "PlayableVideo", "Progress", "Radio", "render",
    "Request", "RetryData", "Row", "SelectData",
    "set_static_paths", "Sidebar", "skip", "Slider", "State", "Step", "Success", "Tab", "TabbedInterface", "TabItem",
    "Tabs", "Text", "TextArea", "Textbox", "Theme", "themes", "Timer", "UndoData", "update", "UploadButton",
    "BarPlot", "Brush", "Cache", "cache", "ClassicCSVLogger", "CSVLogger", "Eraser", "FlaggingCallback", "Gallery",
    "I18n", "ImageEditor", "ImageMask", "LayerOptions", "LinePlot", "mcp", "Paint", "Plot", "ScatterPlot",
    "SimpleCSVLogger", "Sketchpad", "validate", "Video", "Walkthrough", "Warning", "WatermarkOptions",
    "WaveformOptions", "WebcamOptions", "Dialogue", "ParamViewer", "Draggable", "api",
]

shortcuts.register(globals(), __all__)  # gr.Interface(inputs="plot") and the like: every exported component

NOT_YET = errors.NOT_YET  # Gradio's names blocks has not built yet (gr.Image ...): BlocksError, not AttributeError


def __getattr__(name: str) -> object:
    if name in NOT_YET and name not in globals():
        raise not_yet(name)
    raise AttributeError(f"module 'blocks' has no attribute '{name}'")
