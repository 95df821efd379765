"""gr.themes.Neon (from gradio.themes.neon import Neon)."""

from .presets import Neon

__all__ = ["Neon"]
