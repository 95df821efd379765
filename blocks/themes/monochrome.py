"""gr.themes.Monochrome (from gradio.themes.monochrome import Monochrome)."""

from .presets import Monochrome

__all__ = ["Monochrome"]
