"""gr.themes.Citrus (from gradio.themes.citrus import Citrus)."""

from .presets import Citrus

__all__ = ["Citrus"]
