"""gr.themes.Mario (from gradio.themes.mario import Mario)."""

from .presets import Mario

__all__ = ["Mario"]
