"""gr.I18n: Accept-Language picks the translation (its base language next, English last), markers in any
string of the config are replaced, bad tables are BlocksErrors."""

from __future__ import annotations

import pytest

import blocks as gr


def test_languages_follow_accept_language_weights_then_base_then_english():
    i18n = gr.I18n(en={"k": "Hello"}, fr={"k": "Bonjour"}, de={"k": "Hallo"})
    assert i18n.languages("fr-FR,fr;q=0.9,en;q=0.8") == ["fr", "en"]
    assert i18n.languages("en;q=0.5, de;q=0.9") == ["de", "en"]
    assert i18n.languages(None) == ["en"] and i18n.languages("ja") == ["en"]
    config = {"label": i18n("k"), "html": f"<p>{i18n('k')}!</p>", "choices": [[i18n("nope"), "v"]], "n": 3}
    assert i18n.translate(config, ["fr", "en"]) == {"label": "Bonjour", "html": "<p>Bonjour!</p>",
                                                    "choices": [["nope", "v"]], "n": 3}
    assert isinstance(i18n("k"), str) and i18n("k").key == "k"


def test_bad_translations_are_blocks_errors():
    with pytest.raises(gr.BlocksError, match=r"gr.I18n\(fr=...\): give a dict"):
        gr.I18n(fr=["Bonjour"])
    with pytest.raises(gr.BlocksError, match=r"i18n\(3\)"):
        gr.I18n(en={})(3)
