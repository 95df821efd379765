"""gr.themes.Soft (from gradio.themes.soft import Soft)."""

from .presets import Soft

__all__ = ["Soft"]
