"""gr.themes: Gradio's theme API. A theme sets the page's accent color (its primary hue), corner radius,
type size, gaps and fonts, and the theme variables that have a counterpart in the page (base.VARIABLES)."""

from . import base, utils
from .base import Base, Theme, ThemeClass
from .presets import Citrus, Cyberpunk, Default, Ember, Glass, Mario, Monochrome, Neon, Ocean, Origin, Soft
from .utils import Color, Font, GoogleFont, LocalFont, Size, colors, fonts, sizes

__all__ = ["Base", "Citrus", "Color", "Cyberpunk", "Default", "Ember", "Font", "Glass", "GoogleFont", "LocalFont",
           "Mario", "Monochrome", "Neon", "Ocean", "Origin", "Size", "Soft", "Theme", "ThemeClass", "base",
           "colors", "fonts", "sizes", "utils"]
