"""The file seam without a server: sizes, file types, FileData payloads, build-time errors."""

from __future__ import annotations

import pytest

import blocks as gr
from blocks.errors import BlocksError, InvalidValueError
from blocks.files import FileData, parse_size
from blocks.files.values import matches_type


@pytest.mark.parametrize("given, size", [("5mb", 5 * gr.FileSize.MB), ("200 KB", 200 * 1024), (1000, 1000),
                                         ("1.5gb", int(1.5 * gr.FileSize.GB)), ("12", 12), (None, None)])
def test_sizes_are_read_as_gradio_writes_them(given, size):
    assert parse_size(given) == size


@pytest.mark.parametrize("given", ["five mb", "5 zb", -1, True, 2.5])
def test_a_size_that_is_not_one_names_the_argument(given):
    with pytest.raises(BlocksError, match=r"launch\(max_file_size=\).*'5mb'"):
        parse_size(given)


@pytest.mark.parametrize("name, types, ok", [
    ("a.PDF", [".pdf"], True), ("a.png", ["image"], True), ("a.png", [".pdf", "video"], False),
    ("notes.txt", ["text"], True), ("x.exe", ["file"], True), ("x.exe", None, True), ("x", [".txt"], False)])
def test_file_types_by_extension_or_kind(name, types, ok):
    assert matches_type(name, types) is ok


def test_a_payload_without_a_path_is_refused_clearly():
    with pytest.raises(InvalidValueError, match="expects a file"):
        FileData.from_payload({"url": "x"}, "File 'Doc'")
    data = FileData.from_payload({"path": "/p", "orig_name": "p.txt", "size": 3}, "File 'Doc'")
    assert data.to_dict()["meta"] == {"_type": "gradio.FileData"}


def test_bad_arguments_fail_when_the_app_is_built():
    with pytest.raises(BlocksError, match="file_count='many'"):
        gr.File(file_count="many")
    with pytest.raises(BlocksError, match="type='bytes'"):
        gr.UploadButton(type="bytes")
    assert gr.Files().file_count == "multiple" and gr.UploadButton().label == "Upload a File"
    assert gr.DownloadButton().label == "Download" and gr.File(file_types=".pdf").file_types == [".pdf"]
