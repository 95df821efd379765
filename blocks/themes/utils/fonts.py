"""Fonts for themes: a family name, a font the page already has, or one from Google Fonts."""

from __future__ import annotations


class Font:
    """A font family, used by name (it must be installed on the user's machine)."""

    def __init__(self, name: str):
        self.name = name

    def stylesheet(self) -> str | None:
        """A stylesheet URL that provides the font, if any."""
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


class LocalFont(Font):
    """A font served with the app (Gradio's IBM Plex); here the name falls back to the system font."""

    def __init__(self, name: str, weights: tuple[int, ...] = (400, 600)):
        super().__init__(name)
        self.weights = weights


class GoogleFont(Font):
    """A font from Google Fonts, loaded by the page as Gradio does (needs the user's network)."""

    def __init__(self, name: str, weights: tuple[int, ...] = (400, 600)):
        super().__init__(name)
        self.weights = weights

    def stylesheet(self) -> str:
        family = self.name.replace(" ", "+")
        return f"https://fonts.googleapis.com/css2?family={family}:wght@{';'.join(map(str, self.weights))}&display=swap"
