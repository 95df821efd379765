"""gr.File, gr.UploadButton and gr.DownloadButton in Chromium: real files chosen with
set_input_files, the list a user sees, what the callback gets, byte-identical downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import open_app, serve

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def test_a_chosen_file_is_listed_reaches_the_callback_and_downloads_identical(context: BrowserContext,
                                                                             tmp_path: Path) -> None:
    original = tmp_path / "report.csv"
    original.write_bytes(bytes(range(256)) * 40)  # 10,240 bytes, not text
    with gr.Blocks() as demo:
        doc = gr.File(label="Document")
        raw = gr.File(label="Raw", type="binary")
        seen = gr.Textbox(label="Seen")
        back = gr.File(label="Result")
        doc.upload(lambda p: (f"{isinstance(p, str) and p.name == p} {Path(p).name}", p), doc, [seen, back])
        raw.upload(lambda b: f"{type(b).__name__} {len(b)}", raw, seen)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        page.get_by_label("Document").set_input_files(original)
        expect(page.get_by_label("Seen")).to_have_value("True report.csv")  # a str path that answers .name
        result = page.locator("#component-4")
        expect(result.get_by_role("link", name="report.csv")).to_be_visible()
        expect(result.get_by_text("10.0 KB")).to_be_visible()
        # an output: no drop zone, nothing to remove or clear
        expect(result.get_by_role("button", name="Remove report.csv")).to_be_hidden()
        expect(result.get_by_role("button", name="Clear")).to_be_hidden()
        expect(result.get_by_label("Result")).to_be_hidden()
        with page.expect_download() as info:
            result.get_by_role("link", name="report.csv").click()
        download = info.value
        assert download.suggested_filename == "report.csv"
        assert Path(download.path()).read_bytes() == original.read_bytes()
        page.get_by_label("Raw").set_input_files(original)
        expect(page.get_by_label("Seen")).to_have_value("bytes 10240")
        assert watched.messages("error") == []


def test_clear_and_remove_empty_the_list(context: BrowserContext, tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name)
    with gr.Blocks() as demo:
        files = gr.Files(label="Inputs")
        count = gr.Number(label="Count")
        files.change(lambda paths: len(paths or []), files, count)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        page.get_by_label("Inputs").set_input_files([tmp_path / "a.txt", tmp_path / "b.txt"])
        expect(page.get_by_label("Count")).to_have_value("2")
        expect(page.get_by_role("link", name="a.txt")).to_be_visible()
        page.get_by_role("button", name="Remove a.txt").click()
        expect(page.get_by_label("Count")).to_have_value("1")
        expect(page.get_by_role("link", name="a.txt")).to_have_count(0)
        page.get_by_role("button", name="Clear").click()
        expect(page.get_by_label("Count")).to_have_value("0")
        expect(page.get_by_role("link", name="b.txt")).to_have_count(0)


def test_a_refused_file_type_shows_the_servers_error(context: BrowserContext, tmp_path: Path) -> None:
    (tmp_path / "tool.exe").write_bytes(b"MZ")
    with gr.Blocks() as demo:
        doc = gr.File(label="PDF only", file_types=[".pdf"])
        seen = gr.Textbox(label="Seen")
        doc.upload(lambda p: p, doc, seen)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        expect(page.get_by_label("PDF only")).to_have_attribute("accept", ".pdf")
        page.get_by_label("PDF only").set_input_files(tmp_path / "tool.exe")
        expect(page.get_by_text("'tool.exe' is not an accepted file type")).to_be_visible()
        expect(page.get_by_label("Seen")).to_have_value("")


def test_upload_button_and_download_button(context: BrowserContext, tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n" + bytes(500))
    with gr.Blocks() as demo:
        up = gr.UploadButton("Upload a photo", file_types=["image"])
        seen = gr.Textbox(label="Seen")
        changed = gr.Textbox(label="Changed")
        down = gr.DownloadButton("Download it")
        up.upload(lambda p: (Path(p).name, p), up, [seen, down])
        up.change(lambda p: f"changed to {Path(p).name}", up, changed)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        expect(page.get_by_role("button", name="Download it")).to_be_disabled()
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Upload a photo").click()
        chooser.value.set_files(picture)
        expect(page.get_by_label("Seen")).to_have_value("photo.png")
        expect(page.get_by_label("Changed")).to_have_value("changed to photo.png")
        with page.expect_download() as info:
            page.get_by_role("button", name="Download it").click()
        assert info.value.suggested_filename == "photo.png"
        assert Path(info.value.path()).read_bytes() == picture.read_bytes()
        assert watched.messages("error") == []


def test_a_slow_upload_shows_its_progress(context: BrowserContext, tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(bytes(1_500_000))
    with gr.Blocks() as demo:
        doc = gr.File(label="Big")
        seen = gr.Textbox(label="Seen")
        doc.upload(lambda p: Path(p).stat().st_size, doc, seen)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        network = context.new_cdp_session(page)
        network.send("Network.enable")
        # about 1 MB/s up: the 1.5 MB upload takes over a second, long enough to see the bar move
        network.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0,
                                                          "downloadThroughput": -1, "uploadThroughput": 1_000_000})
        page.get_by_label("Big").set_input_files(big)
        bar = page.get_by_role("progressbar", name="Upload progress")
        expect(bar).to_be_visible()
        page.wait_for_function("() => { const b = document.querySelector('progress'); "
                               "return b.value > 0 && b.value < 1; }")
        expect(page.get_by_label("Seen")).to_have_value("1500000", timeout=30_000)
        expect(bar).to_be_hidden()


def test_a_chosen_directory_arrives_as_a_list_of_paths(context: BrowserContext, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.txt").write_text("a")
    (folder / "2024" / "b.txt").write_text("bb")
    with gr.Blocks() as demo:
        tree = gr.File(label="Folder", file_count="directory")
        seen = gr.Textbox(label="Seen")
        tree.upload(lambda paths: ", ".join(sorted(f"{Path(p).name}:{Path(p).stat().st_size}" for p in paths)),
                    tree, seen)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        page.get_by_label("Folder").set_input_files(folder)
        expect(page.get_by_label("Seen")).to_have_value("a.txt:1, b.txt:2")
        expect(page.get_by_role("link", name="photos/2024/b.txt")).to_be_visible()


def test_an_upload_whose_connection_drops_is_retried_and_a_refusal_is_not(context: BrowserContext,
                                                                         tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("kept")
    with gr.Blocks() as demo:
        doc = gr.File(label="Doc")
        seen = gr.Textbox(label="Seen")
        doc.upload(lambda p: Path(p).read_text(), doc, seen)
    with serve(demo, max_file_size=10) as url:
        page, _ = open_app(context, url)
        attempts: list[str] = []

        def drop_twice(route):  # the connection fails (as a dropped socket does) twice, then goes through
            attempts.append(route.request.url)
            return route.abort("connectionreset") if len(attempts) <= 2 else route.continue_()

        page.route("**/upload?*", drop_twice)
        page.get_by_label("Doc").set_input_files(tmp_path / "notes.txt")
        expect(page.get_by_label("Seen")).to_have_value("kept")
        assert len(attempts) == 3
        (tmp_path / "big.txt").write_text("x" * 100)  # over max_file_size: the 413 is final
        page.get_by_label("Doc").set_input_files(tmp_path / "big.txt")
        expect(page.get_by_text("larger than the largest file")).to_be_visible()
        assert len(attempts) == 4


def test_submit_clicked_while_the_file_still_uploads_is_sent_with_the_file(context: BrowserContext,
                                                                          tmp_path: Path) -> None:
    """video_identity_2 met this in CI: upload, click Submit at once, and the function got no file."""
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 400_000)
    with gr.Blocks() as demo:
        doc = gr.File(label="Doc")
        out = gr.Textbox(label="Size")
        gr.Button("Submit").click(lambda p: "none" if p is None else str(Path(p).stat().st_size), doc, out)
    with serve(demo) as url:
        page, watched = open_app(context, url)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")  # about two seconds for the upload
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 20, "downloadThroughput": -1,
                                                      "uploadThroughput": 200_000})
        page.get_by_label("Doc").set_input_files(big)
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Size")).to_have_value("400000", timeout=15_000)
        assert watched.messages("error") == []
