"""gr.themes.Origin (from gradio.themes.origin import Origin)."""

from .presets import Origin

__all__ = ["Origin"]
