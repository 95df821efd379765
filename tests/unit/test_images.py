"""The image seam (blocks/files/images.py): what a callback returns becomes a cached file, and a
received file becomes what Gradio hands the function for each `type`."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from blocks import extras
from blocks.errors import InvalidValueError
from blocks.extras import MissingExtraError, require
from blocks.files import images


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def test_an_array_is_saved_in_the_format_and_read_back_as_the_same_pixels():
    array = np.zeros((4, 6, 3), dtype=np.uint8)
    array[1, 2] = (255, 0, 0)
    path = images.to_file(array, "gr.Image", fmt="png")
    assert Path(path).suffix == ".png"
    back = images.from_file(str(path), "numpy", "gr.Image")
    assert back.shape == (4, 6, 3) and tuple(back[1, 2]) == (255, 0, 0)


def test_floats_in_zero_one_are_scaled_and_pil_and_mode_conversion_work():
    path = images.to_file(np.full((2, 2), 1.0), "gr.Image", fmt="png")
    image = images.from_file(str(path), "pil", "gr.Image", image_mode="RGB")
    assert image.mode == "RGB" and image.getpixel((0, 0)) == (255, 255, 255)
    converted = images.from_file(str(path), "filepath", "gr.Image", image_mode="RGBA")
    with Image.open(converted) as opened:
        assert opened.mode == "RGBA"


def test_pil_images_and_bytes_are_stored_and_paths_pass_through(tmp_path):
    pil = Image.new("RGBA", (3, 3), (0, 0, 255, 128))
    stored = images.to_file(pil, "gr.Image", fmt="jpeg")
    with Image.open(stored) as opened:
        assert opened.format == "JPEG"
    data = Path(stored).read_bytes()
    assert Path(images.to_file(data, "gr.Image")).suffix == ".jpg"
    assert images.to_file("cat.png", "gr.Image") == "cat.png"
    assert images.from_file("cat.png", "filepath", "gr.Image") == "cat.png"


def test_a_file_that_is_no_image_and_a_bad_shape_say_so(tmp_path):
    text = tmp_path / "notes.png"
    text.write_text("hello")
    with pytest.raises(InvalidValueError, match="not an image"):
        images.from_file(str(text), "numpy", "gr.Image")
    with pytest.raises(InvalidValueError, match="shape"):
        images.to_file(np.zeros((2, 2, 2, 2)), "gr.Image")


def test_a_missing_extra_names_the_component_and_the_install_command():
    with pytest.raises(MissingExtraError, match=r"gr.Image\(type='numpy'\) needs numpy_x.*pip install numpy_x"):
        require("numpy_x", "gr.Image(type='numpy')")
    with pytest.raises(MissingExtraError, match=r"blocks\[data\]"):
        extras.EXTRAS["nope_pandas"] = ("pandas", "data")
        try:
            require("nope_pandas", "gr.Dataframe")
        finally:
            del extras.EXTRAS["nope_pandas"]


def test_an_array_is_saved_even_when_pillow_was_not_imported_yet(tmp_path):
    """The first image value of a process is often an array, with Pillow not loaded until its conversion."""
    code = ("import numpy as np, sys; from blocks.files import images; assert 'PIL.Image' not in sys.modules; "
            "print(type(images.to_file(np.zeros((2, 2, 3), dtype=np.uint8), 'Gallery', 'png')).__name__)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            env={**os.environ, "GRADIO_TEMP_DIR": str(tmp_path)})
    assert result.stdout.strip() in ("PosixPath", "WindowsPath", "str"), result.stderr
