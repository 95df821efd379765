"""gr.themes: Gradio's theme API, its submodules, and the CSS a theme gives the page."""

from __future__ import annotations

import logging

import pytest

import blocks as gr
from blocks.themes.base import Base
from blocks.themes.soft import Soft
from blocks.themes.utils import colors, fonts, sizes


def test_gradio_style_submodule_imports_and_a_custom_theme_class_work():
    class Seafoam(Base):  # as in Gradio's theme guide
        def __init__(self):
            super().__init__(primary_hue=colors.emerald, radius_size=sizes.radius_lg,
                             font=(fonts.GoogleFont("Quicksand"), "ui-sans-serif", "sans-serif"))
            super().set(button_primary_background_fill="linear-gradient(90deg, *primary_300, *secondary_400)")

    css = Seafoam().css()
    # *primary_300 of emerald, *secondary_400 of blue
    assert "--accent: linear-gradient(90deg, #6ee7b7, #60a5fa)" in css
    assert "--radius: 12px" in css and '"Quicksand"' in css
    assert Seafoam().stylesheets() == ["https://fonts.googleapis.com/css2?family=Quicksand:wght@400;600&display=swap"]
    assert Soft is gr.themes.Soft and gr.themes.colors.blue.c500 == "#3b82f6"


def test_presets_differ_by_their_hues_and_scales():
    assert "--accent: #4338ca" in gr.themes.Soft().css()  # indigo 700 in light mode
    assert "--radius: 0px" in gr.themes.Monochrome().css()
    assert "--accent: #15803d" in gr.themes.Default(primary_hue="green").css()
    assert "--radius: 6px" in gr.themes.Base(radius_size="sm").css()  # Gradio's shortcut for sizes.radius_sm


def test_dark_variables_go_to_the_dark_scheme_only():
    css = gr.themes.Base().set(body_background_fill="white", body_background_fill_dark="black").css()
    light, dark = css.split("@media")
    assert "--bg: white" in light and "--bg: black" in dark and "black" not in light


def test_a_variable_without_counterpart_logs_one_warning_naming_it(caplog):
    theme = gr.themes.Base().set(slider_color="red", block_title_text_weight="600", slider_color_dark="blue")
    with caplog.at_level(logging.WARNING, logger="blocks"):
        theme.css()
        theme.css()
    warned = [r.getMessage() for r in caplog.records if "theme variable" in r.getMessage()]
    assert len(warned) == 2 and any("'slider_color'" in m for m in warned)


def test_unknown_hue_names_say_what_exists():
    with pytest.raises(ValueError, match="unknown color 'blurple'.*emerald"):
        gr.themes.Base(primary_hue="blurple")
