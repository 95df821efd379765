"""gr.themes.Default (from gradio.themes.default import Default)."""

from .presets import Default

__all__ = ["Default"]
