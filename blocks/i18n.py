"""gr.I18n: an app's strings in several languages, the page shown in the browser's language.

`i18n = gr.I18n(en={"greet": "Hello"}, fr={"greet": "Bonjour"})`; `i18n("greet")` is a string (an
I18nData, usable wherever a label, value or choice is) holding a marker, `{{i18n:greet}}`. When the
server renders the page it replaces each marker in the page config with its translation in the
first language of the request's Accept-Language that has one (then its base language, "fr" for
"fr-FR"; then English; then the key itself). Updates sent later by listeners are not translated.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import BlocksError

MARKER = re.compile(r"\{\{i18n:([^{}]+)\}\}")
_latest: list[I18n] = []  # the last gr.I18n made: used when launch(i18n=) is not given


class I18nData(str):
    """A translatable string: its text is the marker the server translates."""

    def __new__(cls, key: str) -> I18nData:
        made = super().__new__(cls, "{{i18n:" + key + "}}")
        made.key = key
        return made

    key: str


class I18n:
    """Translations, by language code: gr.I18n(en={...}, fr={...}); call it with a key for a string."""

    def __init__(self, **translations: dict[str, str]):
        for language, table in translations.items():
            if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                      for k, v in table.items()):
                raise BlocksError(f"gr.I18n({language}=...): give a dict of key -> translated string.")
        self.translations = {code.lower().replace("_", "-"): table for code, table in translations.items()}
        _latest[:] = [self]

    def __call__(self, key: str) -> I18nData:
        if not isinstance(key, str):
            raise BlocksError(f"i18n({key!r}): give the key of a translation, a string.")
        return I18nData(key)

    def languages(self, accept_language: str | None) -> list[str]:
        """The languages to try, best first, from an Accept-Language header."""
        weighted = []
        for index, part in enumerate((accept_language or "").split(",")):
            tag, _, q = part.strip().partition(";q=")
            try:
                weight = float(q) if q else 1.0
            except ValueError:
                weight = 0.0
            if tag:
                weighted.append((-weight, index, tag.lower()))
        tried: list[str] = []
        for _, _, tag in sorted(weighted):
            tried += [t for t in (tag, tag.split("-")[0]) if t not in tried]
        return [t for t in dict.fromkeys(tried + ["en"]) if t in self.translations]

    def translate(self, value: Any, languages: list[str]) -> Any:
        """value (a config: dicts, lists, strings) with every marker replaced."""
        if isinstance(value, str):
            return MARKER.sub(lambda m: self._one(m.group(1), languages), value) if "{{i18n:" in value else value
        if isinstance(value, dict):
            return {k: self.translate(v, languages) for k, v in value.items()}
        if isinstance(value, list):
            return [self.translate(v, languages) for v in value]
        return value

    def _one(self, key: str, languages: list[str]) -> str:
        for language in languages:
            if key in self.translations[language]:
                return self.translations[language][key]
        return key


def active(blocks: Any) -> I18n | None:
    """The app's translations: launch(i18n=...), else the last gr.I18n made."""
    return getattr(blocks, "i18n", None) or (_latest[0] if _latest else None)
