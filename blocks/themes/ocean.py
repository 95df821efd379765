"""gr.themes.Ocean (from gradio.themes.ocean import Ocean)."""

from .presets import Ocean

__all__ = ["Ocean"]
