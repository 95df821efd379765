"""gr.themes: accepted so that `gr.Blocks(theme=gr.themes.Soft())` runs; the page has one
theme (light and dark by the user's setting) for now."""

from __future__ import annotations

from typing import Any


class Base:
    """A theme; its arguments and `.set(...)` are kept but not applied yet."""

    def __init__(self, *args: Any, **kwargs: Any):
        self.args, self.kwargs = args, kwargs

    def set(self, **kwargs: Any) -> "Base":
        """Theme variables, as in Gradio; returns the theme."""
        self.kwargs.update(kwargs)
        return self


class Default(Base):
    """Gradio's default theme."""


class Soft(Base):
    """Gradio's Soft theme."""


class Monochrome(Base):
    """Gradio's Monochrome theme."""


class Glass(Base):
    """Gradio's Glass theme."""


class Ocean(Base):
    """Gradio's Ocean theme."""


class Origin(Base):
    """Gradio's Origin theme."""


class Citrus(Base):
    """Gradio's Citrus theme."""
