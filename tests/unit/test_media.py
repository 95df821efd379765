"""blocks.media, as gradio.media: each helper returns a shipped sample of the kind a name asks for."""

import wave
from pathlib import Path

import pytest
from PIL import Image

import blocks as gr
from blocks import media


def test_names_demos_use_give_samples_of_that_kind():
    with Image.open(gr.get_image("cheetah1.jpg")) as picture:
        assert picture.format == "JPEG" and picture.size[0] > 100
    with Image.open(media.get_image("logo.png")) as picture:
        assert picture.format == "PNG" and picture.mode == "RGBA"
    with wave.open(gr.get_audio("cantina.wav")) as sound:
        assert sound.getnframes() / sound.getframerate() > 1
    assert Path(gr.get_audio("cate_blanch.mp3")).read_bytes()[:3] in (b"ID3", b"\xff\xfb", b"\xff\xf3")
    assert Path(gr.get_video("world.mp4")).read_bytes()[4:8] == b"ftyp"
    assert Path(gr.get_video("b.avi")).read_bytes()[8:11] == b"AVI"
    assert Path(gr.get_model3d("Duck.glb")).read_bytes()[:4] == b"glTF"
    assert Path(gr.get_file("s2.vtt")).read_text().startswith("WEBVTT")
    assert Path(gr.get_file("titanic.csv")).read_text().startswith("PassengerId,Survived,Pclass")
    assert Path(gr.get_file("time.csv")).read_text().startswith("time,value,price")


def test_none_gives_any_sample_a_url_stays_and_an_unknown_kind_says_what_there_is():
    assert Path(media.get_model3d()).parent.name == "models3d"
    assert all(Path(folder).is_dir() for folder in media.MEDIA_PATHS) and len(media.MEDIA_PATHS) == 5
    assert gr.get_image("https://example.com/cat.png") == "https://example.com/cat.png"
    with pytest.raises(FileNotFoundError, match=r"no sample audio file like 'x.flac'; it has .mp3, .wav"):
        gr.get_audio("x.flac")


def test_a_sample_can_be_a_components_value():
    with gr.Blocks() as demo:
        picture = gr.Image(gr.get_image("lion.jpg"))
    value = demo.config()["components"][str(picture.id)]["props"]["value"]
    assert Path(value["path"]).is_file() and value["url"].startswith("file=")
