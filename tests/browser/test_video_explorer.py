"""gr.Video and gr.FileExplorer in Chromium: a real video (recorded in the page with MediaRecorder)
uploaded with set_input_files reaches the callback as a path and plays back with its subtitles;
files checked in the explorer's tree reach the callback as their paths."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import blocks as gr

from .media_devices import fake_devices_fixture  # noqa: F401 - the fake_devices fixture
from .support import open_app, serve

pytestmark = pytest.mark.browser

RECORD_WEBM = """async () => {
  const canvas = document.createElement('canvas'); canvas.width = 64; canvas.height = 48;
  const ctx = canvas.getContext('2d'); const recorder = new MediaRecorder(canvas.captureStream(25));
  const chunks = []; recorder.ondataavailable = (e) => chunks.push(e.data); recorder.start();
  for (let i = 0; i < 25; i++) {
    ctx.fillStyle = `hsl(${i * 14}, 80%, 50%)`; ctx.fillRect(0, 0, 64, 48);
    await new Promise((go) => setTimeout(go, 40));
  }
  recorder.stop(); await new Promise((go) => (recorder.onstop = go));
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let text = ''; for (const b of bytes) text += String.fromCharCode(b); return btoa(text);
}"""


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def a_webm(page: Page) -> bytes:
    return base64.b64decode(page.evaluate(RECORD_WEBM))


def test_an_uploaded_video_reaches_the_callback_and_plays_with_subtitles(context: BrowserContext,
                                                                         tmp_path: Path) -> None:
    srt = tmp_path / "words.srt"
    srt.write_text("1\n00:00:00,000 --> 00:00:00,900\nHello from the subtitles\n")
    seen = {}

    def echo(path: str) -> tuple[str, str]:
        seen["path"] = path
        return path, str(srt)

    with gr.Blocks() as demo:
        clip = gr.Video(label="Clip", sources=["upload"])
        back = gr.Video(label="Back", interactive=False)
        log = gr.Textbox(label="Log")
        clip.upload(echo, clip, back)
        back.play(lambda text: text + "play ", log, log)
        back.end(lambda text: text + "end ", log, log)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        body = a_webm(page)
        page.get_by_label("Clip").set_input_files(files=[{"name": "rec.webm", "mimeType": "video/webm",
                                                          "buffer": body}])
        video = page.locator(".video", has=page.get_by_text("Back", exact=True)).locator("video[controls]")
        page.wait_for_function("v => v.getAttribute('src') && v.readyState >= 1", arg=video.element_handle())
        assert Path(seen["path"]).read_bytes() == body
        track = video.locator("track")
        expect(track).to_have_attribute("kind", "captions")
        assert track.get_attribute("src").split("?")[0].endswith("words.vtt")
        cues = page.wait_for_function("""v => { const t = v.textTracks[0]; t.mode = 'hidden';
            return t.cues && t.cues.length && t.cues[0].text; }""", arg=video.element_handle())
        assert cues.json_value() == "Hello from the subtitles"
        video.evaluate("v => v.play()")
        expect(page.get_by_label("Log")).to_have_value("play end ", timeout=10_000)
        page.locator(".video", has=page.get_by_text("Clip", exact=True)).get_by_role("button", name="Clear").click()
        expect(page.get_by_label("Clip")).to_be_attached()
        assert watched.messages("error") == []


def test_checked_files_reach_the_callback_as_their_paths(context: BrowserContext, tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "notes").mkdir(parents=True)
    for name in ("notes/todo.txt", "notes/ideas.txt", "readme.txt", "app.py"):
        (root / name).write_text(name)
    with gr.Blocks() as demo:
        tree = gr.FileExplorer(glob="**/*.txt", root_dir=str(root), label="Project")
        chosen = gr.Textbox(label="Chosen")
        tree.change(lambda paths: ", ".join(str(Path(p).relative_to(root)) for p in paths), tree, chosen)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        explorer = page.get_by_role("tree", name="Project")
        folder = explorer.get_by_role("treeitem").filter(has_text="notes").first
        expect(folder).to_have_attribute("aria-expanded", "false")
        expect(page.get_by_label("app.py")).to_have_count(0)  # not matched by the glob
        expect(page.get_by_label("todo.txt")).to_be_hidden()
        folder.get_by_role("button", name="notes").click()
        expect(folder).to_have_attribute("aria-expanded", "true")
        page.get_by_label("todo.txt").check()
        expect(page.get_by_label("Chosen")).to_have_value("notes/todo.txt")
        page.get_by_label("readme.txt").check()
        expect(page.get_by_label("Chosen")).to_have_value("notes/todo.txt, readme.txt")
        page.get_by_label("todo.txt").uncheck()
        expect(page.get_by_label("Chosen")).to_have_value("readme.txt")
        assert watched.messages("error") == []


def test_a_webcam_recording_reaches_the_callback_as_a_webm_path(fake_devices: BrowserContext) -> None:
    seen = {}
    with gr.Blocks() as demo:
        cam = gr.Video(label="Camera", sources=["webcam"])
        log = gr.Textbox(label="Log")
        cam.start_recording(lambda text: text + "start ", log, log)
        cam.stop_recording(lambda text: text + "stop ", log, log)
        cam.change(lambda path: seen.update(path=path) or Path(path).suffix if path else "", cam, None)
    with serve(demo) as url:
        page, watched = open_app(fake_devices, url)
        expect(page.get_by_role("button", name="Upload")).to_have_count(0)  # one source: no picker
        page.get_by_role("button", name="Record").click()
        expect(page.get_by_label("Log")).to_have_value("start ")
        page.wait_for_timeout(1000)  # a second of the fake camera's pattern
        page.get_by_role("button", name="Stop recording").click()
        expect(page.get_by_label("Log")).to_have_value("start stop ")
        video = page.locator("video[controls]")
        page.wait_for_function("v => v.getAttribute('src') && v.readyState >= 1", arg=video.element_handle())
        assert seen["path"].endswith("recording.webm") and Path(seen["path"]).read_bytes()[:4] == b"\x1aE\xdf\xa3"
        assert watched.messages("error") == []
