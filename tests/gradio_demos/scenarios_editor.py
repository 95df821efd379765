"""Scenarios for Gradio's ImageEditor and Gallery demos (see scenarios.py for the kinds of step)."""

from __future__ import annotations

from typing import Any

SCENARIOS: dict[str, list[tuple[Any, ...]]] = {
    "imageeditor_component": [("look", "button", "Brush"), ("look", "button", "Erase"),
                              ("look", "button", "Clear canvas"), ("look", "button", "Upload"),
                              ("look", "button", "Paste"),
                              ("look", "text", "Upload an image or select the draw tool to start"),
                              ("look", "button", "Add Layer"), ("click", "Show Layers"),
                              ("look", "button", "Add Layer")],
    "image_editor_canvas_size": [("click", "Get Default"), ("look", "value", "Width"), ("look", "value", "Height"),
                                 ("click", "Get Small"), ("look", "value", "Width"), ("look", "value", "Height")],
    "gallery_selections": [("look", "button", "Thumbnail 9 of 9"), ("click", "Thumbnail 3 of 9"),
                           ("look", "value", "Number"), ("click", "Thumbnail 7 of 9"), ("look", "value", "Number"),
                           ("click", "Darken selected"), ("look", "button", "Thumbnail 7 of 9")],
    "image_editor_sketchpad": [("look", "button", "Brush"), ("look", "button", "Upload"),
                               ("look", "button", "Clear canvas"), ("look", "button", "Erase")],
    "fake_gan": [("click", "Generate images"), ("sleep", 1.5), ("look", "text", "label 0"),
                 ("look", "text", "label 2"), ("look", "button", "Thumbnail 3 of 3")],
    "gallery_component_events": [("click", "Run"), ("look", "button", "Thumbnail 3 of 3"),
                                 ("look", "value", "Preview Open?"), ("click", "Thumbnail 1 of 3"),
                                 ("look", "value", "Preview Open?"), ("look", "value", "Select Data")],
}
