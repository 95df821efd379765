"""gr.themes.Glass (from gradio.themes.glass import Glass)."""

from .presets import Glass

__all__ = ["Glass"]
