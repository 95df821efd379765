"""Theme classes: `gr.themes.Base(primary_hue=..., radius_size=..., font=...)` and `.set(**variables)`.

A theme becomes CSS custom properties of the page (see Base.css): the primary hue is the accent of
primary buttons and checked inputs, the radius, text and spacing scales set corners, type size and gaps,
the fonts the families. Of Gradio's theme variables `.set()` honours those with a counterpart here
(VARIABLES); any other logs one warning naming it when the page is built.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

from .utils import colors, fonts, sizes

log = logging.getLogger("blocks")

# Gradio theme variable -> the page's CSS custom property.
VARIABLES = {
    "body_background_fill": "--bg", "body_text_color": "--fg", "body_text_color_subdued": "--muted",
    "background_fill_primary": "--surface", "block_background_fill": "--surface", "border_color_primary": "--border",
    "input_background_fill": "--input", "color_accent": "--accent", "button_primary_background_fill": "--accent",
    "button_primary_text_color": "--accent-fg", "button_secondary_background_fill": "--secondary",
    "button_cancel_background_fill": "--stop", "block_radius": "--radius", "button_large_radius": "--radius",
    "layout_gap": "--gap", "block_shadow": "--shadow", "body_text_size": "--text-size",
}
_GAPS = {"spacing_sm": "8px", "spacing_md": "12px", "spacing_lg": "16px"}
_REFERENCE = re.compile(r"\*(primary|secondary|neutral)_(\d+)")
_warned: set[str] = set()
_SANS = (fonts.LocalFont("IBM Plex Sans"), "ui-sans-serif", "system-ui", "sans-serif")
_MONO = (fonts.LocalFont("IBM Plex Mono"), "ui-monospace", "Consolas", "monospace")


def _hue(value: colors.Color | str) -> colors.Color:
    return colors.named(value) if isinstance(value, str) else value


def _size(value: sizes.Size | str, scale: str) -> sizes.Size:
    """A Size, or its name: "radius_sm", or "sm" for the step of this scale, as Gradio takes it."""
    if isinstance(value, str):
        return sizes.named(value if value.startswith(scale) else f"{scale}_{value}")
    return value


def _family(value: fonts.Font | str | Iterable[fonts.Font | str]) -> list[fonts.Font]:
    items = [value] if isinstance(value, (str, fonts.Font)) else list(value)
    return [fonts.Font(item) if isinstance(item, str) else item for item in items]


class Base:
    """A theme: hues, size scales and fonts, plus variables set with `.set(...)`."""

    name = "base"

    def __init__(self, *, primary_hue: colors.Color | str = colors.blue,
                 secondary_hue: colors.Color | str = colors.blue, neutral_hue: colors.Color | str = colors.gray,
                 text_size: sizes.Size | str = sizes.text_md, spacing_size: sizes.Size | str = sizes.spacing_md,
                 radius_size: sizes.Size | str = sizes.radius_md, font: Any = _SANS, font_mono: Any = _MONO):
        self.primary_hue, self.secondary_hue = _hue(primary_hue), _hue(secondary_hue)
        self.neutral_hue = _hue(neutral_hue)
        self.text_size, self.spacing_size = _size(text_size, "text"), _size(spacing_size, "spacing")
        self.radius_size = _size(radius_size, "radius")
        self.font, self.font_mono = _family(font), _family(font_mono)
        self.variables: dict[str, str] = {}

    def set(self, **variables: Any) -> "Base":
        """Set theme variables (Gradio's names, `_dark` for the dark mode); returns the theme."""
        self.variables.update({name: str(value) for name, value in variables.items()})
        return self

    def _resolve(self, value: str) -> str:
        hues = {"primary": self.primary_hue, "secondary": self.secondary_hue, "neutral": self.neutral_hue}
        return _REFERENCE.sub(lambda m: getattr(hues[m.group(1)], f"c{m.group(2)}", m.group(0)), value)

    def _properties(self, dark: bool) -> dict[str, str]:
        shade = self.primary_hue.c600 if dark else self.primary_hue.c700  # white text stays readable
        gap = _GAPS.get(self.spacing_size.name or "", "12px")
        props = {"--accent": shade, "--radius": self.radius_size.lg, "--gap": gap, "--text-size": self.text_size.lg,
                 "--font": ", ".join(_quoted(f.name) for f in self.font),
                 "--font-mono": ", ".join(_quoted(f.name) for f in self.font_mono)}
        for name, value in self.variables.items():
            base, is_dark = (name[:-5], True) if name.endswith("_dark") else (name, False)
            if is_dark == dark and base in VARIABLES:
                props[VARIABLES[base]] = self._resolve(value)
        return props

    def stylesheets(self) -> list[str]:
        """Stylesheet URLs the theme's fonts need (Google Fonts), for the page's <head>."""
        return [url for f in (*self.font, *self.font_mono) if (url := f.stylesheet())]

    def css(self) -> str:
        """The theme as CSS custom properties for the page; warns once per unhonoured variable."""
        for name in self.variables:
            base = name[:-5] if name.endswith("_dark") else name
            if base not in VARIABLES and base not in _warned:
                _warned.add(base)
                log.warning("theme variable %r is accepted but not applied: blocks' page has no counterpart for it "
                            "(honoured: %s).", base, ", ".join(sorted(VARIABLES)))
        light = "; ".join(f"{k}: {v}" for k, v in self._properties(dark=False).items())
        dark = "; ".join(f"{k}: {v}" for k, v in self._properties(dark=True).items())
        return f":root {{ {light}; }}\n@media (prefers-color-scheme: dark) {{ :root {{ {dark}; }} }}"

    def __repr__(self) -> str:
        return f"<theme {self.name}: {self.primary_hue.name}>"


def _quoted(family: str) -> str:
    generic = {"serif", "sans-serif", "monospace", "system-ui", "ui-sans-serif", "ui-monospace", "ui-serif", "cursive"}
    return family if family in generic else '"' + family.replace('"', "") + '"'


ThemeClass = Base
Theme = Base
