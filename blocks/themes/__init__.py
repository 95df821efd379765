"""gr.themes: Gradio's theme API. A theme sets the page's accent color (its primary hue), corner radius,
type size, gaps and fonts, and the theme variables that have a counterpart in the page (base.VARIABLES)."""

from . import base, utils
from .base import Base, Theme, ThemeClass
from .presets import Citrus, Cyberpunk, Default, Ember, Glass, Mario, Monochrome, Neon, Ocean, Origin, Soft
from .utils import Color, Font, GoogleFont, LocalFont, Size, colors, fonts, sizes

__all__ = ["Base", "Citrus", "Color", "Cyberpunk", "Default", "Ember", "Font", "Glass", "GoogleFont", "LocalFont",
           "Mario", "Monochrome", "Neon", "Ocean", "Origin", "Size", "Soft", "Theme", "ThemeClass", "base",
           "colors", "fonts", "sizes", "utils"]


def resolve(theme: object) -> Base | None:
    """A theme as Blocks(theme=) and launch(theme=) take it: a theme, its class, or a name ("soft",
    "gradio/soft"); a theme on the Hugging Face Hub cannot be fetched here and logs a warning."""
    import logging  # noqa: PLC0415 - only when a theme is given

    if theme is None or isinstance(theme, Base):
        return theme
    if isinstance(theme, type) and issubclass(theme, Base):
        return theme()
    if isinstance(theme, str):
        name = theme.lower().removeprefix("gradio/")
        presets = {cls.name: cls for cls in (Citrus, Cyberpunk, Default, Ember, Glass, Mario, Monochrome, Neon,
                                             Ocean, Origin, Soft)}
        if name in presets:
            return presets[name]()
        logging.getLogger("blocks").warning(
            "theme=%r is accepted but not applied: themes from the Hugging Face Hub are not loaded; use one of "
            "%s or a gr.themes.Base(...).", theme, ", ".join(sorted(presets)))
        return None
    raise TypeError(f"theme={theme!r}: use a gr.themes theme (e.g. gr.themes.Soft()) or its name")
