"""Gradio's named themes, by their hues and scales."""

from __future__ import annotations

from typing import Any

from .base import Base
from .utils import sizes


def _preset(name: str, primary: str, radius: sizes.Size = sizes.radius_md, text: sizes.Size = sizes.text_md,
            spacing: sizes.Size = sizes.spacing_md) -> type[Base]:
    def __init__(self: Base, **kwargs: Any) -> None:
        defaults = {"primary_hue": primary, "radius_size": radius, "text_size": text, "spacing_size": spacing}
        Base.__init__(self, **{**defaults, **kwargs})

    doc = f"Gradio's {name} theme: {primary} accents."
    return type(name, (Base,), {"__init__": __init__, "__doc__": doc, "name": name.lower(), "__module__": __name__})


Default = _preset("Default", "orange")
Origin = _preset("Origin", "orange")
Soft = _preset("Soft", "indigo")
Monochrome = _preset("Monochrome", "neutral", radius=sizes.radius_none, spacing=sizes.spacing_lg)
Glass = _preset("Glass", "blue", radius=sizes.radius_sm, text=sizes.text_sm, spacing=sizes.spacing_sm)
Ocean = _preset("Ocean", "emerald", radius=sizes.radius_xxl)
Citrus = _preset("Citrus", "amber", spacing=sizes.spacing_lg)
Ember = _preset("Ember", "orange", radius=sizes.radius_lg)
Neon = _preset("Neon", "lime", radius=sizes.radius_xxl)
Cyberpunk = _preset("Cyberpunk", "fuchsia")
Mario = _preset("Mario", "orange")
