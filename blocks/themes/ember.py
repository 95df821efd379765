"""gr.themes.Ember (from gradio.themes.ember import Ember)."""

from .presets import Ember

__all__ = ["Ember"]
