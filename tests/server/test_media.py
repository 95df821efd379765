"""gr.Audio, gr.Video and gr.FileExplorer over real HTTP and WebSocket: WAV uploads handed as
(sample_rate, int16 array), arrays returned as playable WAV, srt subtitles as WebVTT, and
FileExplorer paths that must stay under root_dir."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import httpx
import numpy as np
import pytest

import blocks as gr

from .conftest import Page


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def wav_file(samples: np.ndarray, rate: int = 8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1 if samples.ndim == 1 else samples.shape[1])
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.astype("<i2").tobytes())
    return buffer.getvalue()


def upload(url: str, page: Page, name: str, body: bytes) -> dict:
    reply = httpx.post(url + "upload?format=filedata", headers={"X-Blocks-Session": page.session["resume"]},
                       files=[("files", (name, body))])
    return reply.json()["files"][0]


def read_back(url: str, payload: dict) -> tuple[int, int, np.ndarray]:
    body = httpx.get(url + payload["url"]).content
    with wave.open(io.BytesIO(body), "rb") as source:
        frames = np.frombuffer(source.readframes(source.getnframes()), "<i2")
        return source.getframerate(), source.getnchannels(), frames


def test_a_wav_upload_is_handed_as_rate_and_int16_samples_of_the_right_shape(serve):
    seen = {}
    with gr.Blocks() as demo:
        mono, stereo, path = gr.Audio(label="Mono"), gr.Audio(label="Stereo"), gr.Audio(label="Path", type="filepath")
        out = gr.Textbox()
        mono.upload(lambda a: seen.update(mono=a) or "ok", mono, out)
        stereo.upload(lambda a: seen.update(stereo=a) or "ok", stereo, out)
        path.upload(lambda p: seen.update(path=p) or "ok", path, out)
    url = serve(demo)
    page = Page(url)
    samples = np.array([0, 1000, -1000, 32767, -32768], np.int16)
    page.event(mono, "upload", {mono: upload(url, page, "a.wav", wav_file(samples, 16000))})
    rate, data = seen["mono"]
    assert rate == 16000 and data.dtype == np.int16 and data.shape == (5,) and data.tolist() == samples.tolist()
    pairs = np.array([[1, -1], [2, -2], [3, -3]], np.int16)
    page.event(stereo, "upload", {stereo: upload(url, page, "b.wav", wav_file(pairs))})
    assert seen["stereo"][1].shape == (3, 2) and seen["stereo"][1][:, 1].tolist() == [-1, -2, -3]
    page.event(path, "upload", {path: upload(url, page, "c.mp3", b"ID3fake mp3")})
    assert Path(seen["path"]).read_bytes() == b"ID3fake mp3"


def test_an_mp3_for_type_numpy_is_a_clear_error_naming_the_format_and_the_fix(serve):
    with gr.Blocks() as demo:
        sound = gr.Audio(label="Sound")
        out = gr.Textbox()
        sound.upload(lambda a: "called", sound, out)
    url = serve(demo)
    page = Page(url)
    updates = page.event(sound, "upload", {sound: upload(url, page, "song.mp3", b"ID3\x03\x00 not a wav")})
    assert str(out.id) not in updates or updates[str(out.id)].get("value") != "called"
    message = " ".join(str(e) for e in page.errors())
    assert "'mp3'" in message and "type='filepath'" in message


@pytest.mark.parametrize("samples, expected", [
    (np.array([0.0, 0.5, -1.0, 0.25]), [0, 16383, -32767, 8191]),        # float: loudest at full scale
    (np.array([0, 100, -100, 32767], np.int16), [0, 100, -100, 32767]),  # int16: as it is
    (np.array([0, 65536 * 3, -65536 * 2], np.int32), [0, 3, -2]),         # int32: top 16 bits
])
def test_returned_samples_become_a_playable_16_bit_wav(serve, samples, expected):
    with gr.Blocks() as demo:
        go = gr.Button("Go")
        out = gr.Audio(label="Out")
        go.click(lambda: (22050, samples), None, out)
    url = serve(demo)
    page = Page(url)
    payload = page.event(go, "click")[str(out.id)]["value"]
    assert payload["orig_name"].endswith(".wav") and payload["mime_type"].startswith("audio/")
    rate, channels, frames = read_back(url, payload)
    assert (rate, channels) == (22050, 1) and frames.tolist() == expected


def test_stereo_samples_and_bytes_come_back_as_files(serve):
    stereo = np.array([[100, -100], [200, -200]], np.int16)
    with gr.Blocks() as demo:
        go = gr.Button("Go")
        a, b = gr.Audio(label="A"), gr.Audio(label="B")
        go.click(lambda: ((8000, stereo), wav_file(np.array([7, 8], np.int16))), None, [a, b])
    url = serve(demo)
    updates = Page(url).event(go, "click")
    _, channels, frames = read_back(url, updates[str(a.id)]["value"])
    assert channels == 2 and frames.tolist() == [100, -100, 200, -200]
    assert read_back(url, updates[str(b.id)]["value"])[2].tolist() == [7, 8]


def test_video_with_srt_subtitles_gets_a_webvtt_track(serve, tmp_path):
    movie = tmp_path / "clip.mp4"
    movie.write_bytes(b"\x00\x00\x00\x18ftypmp42 fake")
    srt = tmp_path / "clip.srt"
    srt.write_text("1\n00:00:01,500 --> 00:00:03,000\nHello there\n\n2\n00:00:04,000 --> 00:00:05,250\nBye\n")
    with gr.Blocks() as demo:
        go = gr.Button("Go")
        out = gr.Video(label="Out")
        go.click(lambda: (str(movie), str(srt)), None, out)
    url = serve(demo)
    value = Page(url).event(go, "click")[str(out.id)]["value"]
    assert httpx.get(url + value["video"]["url"]).content == movie.read_bytes()
    vtt = httpx.get(url + value["subtitles"]["url"])
    assert vtt.text == ("WEBVTT\n\n00:00:01.500 --> 00:00:03.000\nHello there\n\n"
                        "00:00:04.000 --> 00:00:05.250\nBye\n")
    assert value["subtitles"]["orig_name"] == "clip.vtt"


def test_video_upload_reaches_the_callback_as_a_path(serve):
    seen = {}
    with gr.Blocks() as demo:
        clip = gr.Video(label="Clip")
        clip.upload(lambda p: seen.update(path=p), clip, None)
    url = serve(demo)
    page = Page(url)
    video = upload(url, page, "rec.webm", b"\x1aE\xdf\xa3webm")
    page.event(clip, "upload", {clip: {"video": video, "subtitles": None}})
    assert Path(seen["path"]).read_bytes() == b"\x1aE\xdf\xa3webm"


def test_file_explorer_lists_root_dir_and_refuses_paths_outside_it(serve, tmp_path):
    root = tmp_path / "root"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "a.txt").write_text("a")
    (root / "b.py").write_text("b")
    (tmp_path / "secret.txt").write_text("secret")
    seen = []
    with gr.Blocks() as demo:
        files = gr.FileExplorer(root_dir=str(root), ignore_glob="*.py", label="Files")
        files.change(lambda paths: seen.append(paths), files, None)
    assert files.tree == [{"name": "docs", "type": "folder", "children": [{"name": "a.txt", "type": "file"}]}]
    url = serve(demo)
    page = Page(url)
    page.event(files, "change", {files: [["docs", "a.txt"]]})
    assert seen == [[str(root / "docs" / "a.txt")]]
    for hostile in ([["..", "secret.txt"]], [["docs", "..", "..", "secret.txt"]], [[str(tmp_path / "secret.txt")]]):
        page.event(files, "change", {files: hostile})
    assert len(seen) == 1
    errors = page.errors()
    assert len(errors) == 3 and all("outside root_dir" in str(e) for e in errors)


def test_file_explorer_single_and_returned_paths():
    with gr.Blocks():
        one = gr.FileExplorer(root_dir="blocks", file_count="single")
    assert one.preprocess([["files", "audio.py"]]).endswith("blocks/files/audio.py")
    assert one.postprocess(str(Path("blocks/files/audio.py").resolve())) == [["files", "audio.py"]]
    with pytest.raises(gr.InvalidValueError, match="outside root_dir"):
        one.postprocess("/etc/passwd")
    with pytest.raises(gr.BlocksError, match="root_dir"):
        gr.FileExplorer(root_dir="/no/such/dir")


def test_model3d_round_trips_a_model_and_refuses_other_files(serve, tmp_path):
    cube = tmp_path / "cube.obj"
    cube.write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n")
    with gr.Blocks() as demo:
        model = gr.Model3D(label="Model")
        back = gr.Model3D(label="Back", clear_color=(0, 0, 0, 1))
        model.upload(lambda p: p, model, back)
    url = serve(demo)
    page = Page(url)
    updates = page.event(model, "upload", {model: upload(url, page, "cube.obj", cube.read_bytes())})
    assert httpx.get(url + updates[str(back.id)]["value"]["url"]).content == cube.read_bytes()
    page.event(model, "upload", {model: upload(url, page, "notes.txt", b"text")})
    assert "not an accepted file type" in str(page.errors())


def test_three_js_is_not_in_the_page_and_is_served_gzipped_when_asked_for(serve):
    with gr.Blocks() as demo:
        gr.Model3D()
    url = serve(demo)
    page = httpx.get(url).text
    assert "vendor/three" not in page
    version = page.split("assets/")[1].split("/")[0]
    reply = httpx.get(f"{url}assets/{version}/vendor/three/three.core.js", headers={"Accept-Encoding": "gzip"})
    assert reply.status_code == 200 and reply.headers["content-encoding"] == "gzip"
    assert "three" in reply.text[:400].lower() and len(reply.content) > 1_000_000


def test_file_explorer_lists_again_when_an_update_changes_its_glob_or_root(tmp_path):
    for name in ("one/a.txt", "one/b.log", "two/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(name)
    with gr.Blocks():
        files = gr.FileExplorer(root_dir=str(tmp_path / "one"))
    assert [e["name"] for e in files.tree] == ["a.txt", "b.log"]
    assert [e["name"] for e in files.normalize_props({"glob": "*.log"})["tree"]] == ["b.log"]
    moved = files.normalize_props({"root_dir": str(tmp_path / "two")})
    assert moved["root_dir"] == str((tmp_path / "two").resolve()) and [e["name"] for e in moved["tree"]] == ["c.txt"]
    assert files.with_props(moved).preprocess([["c.txt"]]) == [str((tmp_path / "two" / "c.txt").resolve())]
