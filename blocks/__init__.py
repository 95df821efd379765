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
from .request import EventData, Request
from .state import BrowserState, State
from .updates import update

__version__ = "0.1.0"

__all__ = [
    "Block", "Blocks", "BlocksError", "BrowserState", "Button", "Checkbox", "CheckboxGroup", "Column", "Component",
    "Dependency", "Dropdown", "Error", "EventData", "EventListener", "Group", "Info", "InvalidValueError", "Markdown",
    "Number", "Progress", "Radio", "Request", "Row", "Slider", "State", "Textbox", "Warning", "on", "themes", "update",
]
