"""gr.themes.Cyberpunk (from gradio.themes.cyberpunk import Cyberpunk)."""

from .presets import Cyberpunk

__all__ = ["Cyberpunk"]
