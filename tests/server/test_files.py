"""Uploads and file serving over real HTTP: limits while streaming, file_types, hostile paths,
ranges, content types, delete_cache."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

import blocks as gr
from blocks.files import cache

from .conftest import Page, upload_files


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))
    return tmp_path


def _demo(**blocks_kwargs) -> tuple[gr.Blocks, dict]:
    parts = {}
    with gr.Blocks(**blocks_kwargs) as demo:
        parts["doc"] = gr.File(label="Doc", file_types=[".txt"])
        parts["raw"] = gr.File(label="Raw", type="binary")
        parts["out"] = gr.Textbox(label="Out")
        parts["back"] = gr.File(label="Back")
        # a str path that also answers .name, as Gradio's NamedString (zip_files reads file.name)
        parts["doc"].upload(lambda p: f"{isinstance(p, str) and p.name == p}:{Path(p).read_text()}", parts["doc"],
                            parts["out"])
        parts["raw"].upload(lambda b: f"{type(b).__name__}:{len(b)}", parts["raw"], parts["out"])
        parts["doc"].change(lambda p: p, parts["doc"], parts["back"])
    return demo, parts


_upload = upload_files


def test_an_upload_reaches_the_callback_as_a_path_or_bytes(serve):
    demo, parts = _demo()
    url = serve(demo)
    page = Page(url)
    [text] = _upload(url, page, {"notes.txt": b"hello"}).json()["files"]
    assert text["orig_name"] == "notes.txt" and text["size"] == 5 and text["mime_type"] == "text/plain"
    updates = page.event(parts["doc"], "upload", {parts["doc"]: text})
    assert updates[str(parts["out"].id)]["value"] == "True:hello"
    [blob] = _upload(url, page, {"data.bin": b"\x00" * 300}).json()["files"]
    updates = page.event(parts["raw"], "upload", {parts["raw"]: blob})
    assert updates[str(parts["out"].id)]["value"] == "bytes:300"


def test_gradio_shape_upload_returns_server_paths_and_needs_the_session(serve):
    demo, _ = _demo()
    url = serve(demo)
    page = Page(url)
    paths = _upload(url, page, {"a.txt": b"a", "b.txt": b"b"}, full=False).json()
    assert [Path(p).name for p in paths] == ["a.txt", "b.txt"] and all(Path(p).is_file() for p in paths)
    assert Path(paths[0]).is_relative_to(cache.cache_dir())
    anonymous = httpx.post(url + "gradio_api/upload", files=[("files", ("a.txt", b"a"))])
    assert anonymous.status_code == 401 and "X-Blocks-Session" in anonymous.json()["error"]
    foreign = httpx.post(url + "upload", files=[("files", ("a.txt", b"a"))], headers={
        "Origin": "https://evil.example", "X-Blocks-Session": page.session["resume"]})
    assert foreign.status_code == 403


def test_a_file_over_max_file_size_is_refused_while_it_streams(serve):
    demo, _ = _demo()
    url = serve(demo, max_file_size="1kb")
    page = Page(url)
    assert _upload(url, page, {"small.txt": b"x" * 1024}).status_code == 200
    host, port = urlsplit(url).hostname, urlsplit(url).port
    boundary = "XyZ"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode()
    with socket.create_connection((host, port), timeout=10) as conn:
        # declares 100 MB but sends 4 KB: a server that waited for the whole body would never answer
        conn.sendall(f"POST /upload HTTP/1.1\r\nHost: {host}:{port}\r\nX-Blocks-Session: {page.session['resume']}\r\n"
                     f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                     f"Content-Length: {100 * 1024 * 1024}\r\n\r\n".encode() + head + b"y" * 4096)
        reply = conn.recv(65536).decode(errors="replace")
    assert reply.startswith("HTTP/1.1 413") and "big.txt" in reply and "max_file_size" in reply
    assert not [p for p in cache.cache_dir().rglob("big.txt")] and not list(cache.cache_dir().glob(".part-*"))


def test_a_file_type_not_accepted_is_refused_by_the_server(serve):
    demo, parts = _demo()
    url = serve(demo)
    page = Page(url)
    [exe] = _upload(url, page, {"tool.exe": b"MZ"}).json()["files"]
    page.event(parts["doc"], "upload", {parts["doc"]: exe})
    [error] = page.errors()
    assert "'tool.exe' is not an accepted file type" in error["message"] and ".txt" in error["message"]


def test_an_api_caller_uploads_into_its_kept_session_and_sends_the_path(serve):
    with gr.Blocks() as demo:
        doc, out = gr.File(label="Doc"), gr.Textbox(label="Out")

        def read(path):
            return f"{Path(path).name}:{Path(path).read_text()}" if path else "none"

        doc.change(read, doc, out, api_name="read")
    url = serve(demo)
    start = httpx.post(url + "api/read", json={"data": [None], "keep_session": True}).json()
    session_hash = start["session_hash"]
    [path] = httpx.post(url + f"gradio_api/upload?session_hash={session_hash}",
                        files=[("files", ("notes.txt", b"from a script"))]).json()
    called = httpx.post(url + "api/read", json={"data": [{"path": path}], "session_hash": session_hash}).json()
    assert called["data"] == ["notes.txt:from a script"]
    # another caller (or one without a session) cannot use that path, nor read it over HTTP
    other = httpx.post(url + "api/read", json={"data": [{"path": path}]})
    assert other.status_code != 200 and "not one this session uploaded" in other.text
    assert httpx.get(url + f"file={path}?session_hash={session_hash}").status_code == 404
    assert httpx.post(url + "upload?session_hash=made-up", files=[("files", ("a.txt", b"a"))]).status_code == 401


def test_served_files_have_their_type_ranges_and_a_download_name(serve):
    demo, _ = _demo()
    url = serve(demo)
    page = Page(url)
    [text] = _upload(url, page, {"notes.txt": b"0123456789" * 100}).json()["files"]
    whole = httpx.get(url + text["url"])
    assert whole.status_code == 200 and whole.headers["content-type"].startswith("text/plain")
    assert whole.headers["accept-ranges"] == "bytes" and "max-age" in whole.headers["cache-control"]
    part = httpx.get(url + text["url"], headers={"Range": "bytes=10-19"})
    assert part.status_code == 206 and part.content == b"0123456789"
    assert part.headers["content-range"] == "bytes 10-19/1000"
    assert whole.headers["x-content-type-options"] == "nosniff" and "content-security-policy" not in whole.headers
    [svg] = _upload(url, page, {"logo.svg": b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"}
                    ).json()["files"]
    opened = httpx.get(url + svg["url"])  # an uploaded SVG opened directly runs no script on the app's origin
    assert opened.headers["content-type"] == "image/svg+xml" and opened.headers["content-security-policy"] == "sandbox"
    download = httpx.get(url + "gradio_api/" + text["url"] + "&download=1")
    assert download.headers["content-disposition"] == 'attachment; filename="notes.txt"'


def test_hostile_paths_are_never_served(serve, temp_dir):
    shared, secret_dir = temp_dir / "shared", temp_dir / "shared" / "secret"
    secret_dir.mkdir(parents=True)
    (shared / "ok.txt").write_text("public")
    (secret_dir / "key.txt").write_text("private")
    demo, parts = _demo()
    url = serve(demo, allowed_paths=[str(shared)], blocked_paths=[str(secret_dir)])
    alice, bob = Page(url), Page(url)
    [mine] = _upload(url, alice, {"mine.txt": b"alice's"}).json()["files"]
    assert httpx.get(url + f"file={shared / 'ok.txt'}").text == "public"
    outside = Path(mine["path"]).parent / "link.txt"
    outside.symlink_to("/etc/hostname")
    for path in [str(secret_dir / "key.txt"), "/etc/hostname", f"{shared}/../../../../etc/hostname",
                 "../../etc/hostname", mine["path"], str(outside)]:
        assert httpx.get(url + f"file={path}").status_code == 404, path
    assert httpx.get(url + f"file={outside}?session_hash={alice.session_hash}&sig="
                     + cache.sign(alice.session_hash, str(outside))).status_code == 404  # signed, but leads out
    alices_sig = mine["url"].split("sig=")[1]
    assert httpx.get(url + f"file={mine['path']}?session_hash={bob.session_hash}&sig={alices_sig}").status_code == 404
    forged = {**mine, "url": f"file={mine['path']}?session_hash={bob.session_hash}&sig={alices_sig}"}
    bob.event(parts["doc"], "upload", {parts["doc"]: forged})
    assert "not one this session uploaded" in bob.errors()[-1]["message"]
    # Bob sends Alice's upload (with her signed URL) as his own: refused, the callback never runs
    bob.event(parts["doc"], "upload", {parts["doc"]: mine})
    assert "not one this session uploaded" in bob.errors()[1]["message"]
    bob.event(parts["doc"], "upload", {parts["doc"]: {"path": "/etc/hostname", "orig_name": "x.txt"}})
    assert len(bob.errors()) == 3
    assert alice.event(parts["doc"], "upload", {parts["doc"]: mine})[str(parts["out"].id)]["value"] == "True:alice's"


def test_allowed_paths_may_be_a_nested_list_and_anything_else_is_refused_clearly(serve, temp_dir):
    (temp_dir / "media").mkdir()
    (temp_dir / "media" / "a.txt").write_text("sample")
    demo, _ = _demo()
    url = serve(demo, allowed_paths=[[str(temp_dir / "media")]])  # audio_subtitle: allowed_paths=[MEDIA_PATHS]
    assert httpx.get(url + f"file={temp_dir / 'media' / 'a.txt'}").text == "sample"
    with pytest.raises(gr.BlocksError, match="42 is not a path: allowed_paths= and blocked_paths= take a path"):
        _demo()[0].launch(allowed_paths=[42], prevent_thread_lock=True)


def test_blocked_paths_win_over_a_sessions_own_upload(serve):
    demo, parts = _demo()
    url = serve(demo, blocked_paths=[str(cache.cache_dir() / "uploads")])
    page = Page(url)
    [mine] = _upload(url, page, {"mine.txt": b"mine"}).json()["files"]
    assert httpx.get(url + mine["url"]).status_code == 404
    page.event(parts["doc"], "upload", {parts["doc"]: mine})
    assert "not one this session uploaded" in page.errors()[0]["message"]


def test_a_sessions_uploads_go_when_its_state_expires(serve, monkeypatch):
    monkeypatch.setenv("BLOCKS_STATE_TTL", "1")
    demo, _ = _demo()
    url = serve(demo)
    page = Page(url)
    [mine] = _upload(url, page, {"mine.txt": b"mine"}).json()["files"]
    upload_dir = cache.session_dir(page.session_hash)
    assert Path(mine["path"]).is_relative_to(upload_dir)
    page.bye()
    deadline = time.monotonic() + 10  # released, then dropped 1 s later by a sweep every 0.5 s
    while upload_dir.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not upload_dir.exists()


def test_a_returned_file_is_copied_to_the_cache_and_only_its_session_may_read_it(serve, temp_dir):
    made = temp_dir / "report.txt"
    made.write_text("the report")
    with gr.Blocks() as demo:
        out = gr.File(label="Report")
        gr.Button("Make").click(lambda: str(made), None, out)
        gr.Button("Leak").click(lambda: "/etc/hostname", None, out)
    url = serve(demo)
    page = Page(url)
    data = page.event(demo.blocks_by_id[out.id + 1])[str(out.id)]["value"]
    assert data["orig_name"] == "report.txt" and data["size"] == 10
    assert Path(data["path"]).is_relative_to(cache.cache_dir())
    assert httpx.get(url + data["url"]).text == "the report"
    assert httpx.get(url + f"file={data['path']}").status_code == 404  # without the session's signature
    page.event(demo.blocks_by_id[out.id + 2])
    assert "allowed_paths" in page.errors()[0]["message"]


def test_delete_cache_removes_old_files_and_a_sessions_uploads(serve):
    demo, _ = _demo(delete_cache=(0.5, 1))
    url = serve(demo)
    page = Page(url)
    [text] = _upload(url, page, {"old.txt": b"old"}).json()["files"]
    assert Path(text["path"]).is_file()
    deadline = time.monotonic() + 10  # a sweep every 0.5 s deletes files older than 1 s
    while Path(text["path"]).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(text["path"]).exists()
    assert os.listdir(cache.cache_dir()) in ([".secret"], [".secret", "uploads"], ["uploads", ".secret"])


def test_an_uploaded_name_cannot_climb_out_of_the_sessions_folder(serve):
    demo, _ = _demo()
    url = serve(demo)
    page = Page(url)
    [evil] = _upload(url, page, {"../../../evil.txt": b"x", }).json()["files"]
    assert Path(evil["path"]).name == "evil.txt"
    assert Path(evil["path"]).resolve().is_relative_to(cache.session_dir(page.session_hash))


def test_static_paths_are_served_to_anyone_but_not_beside_them(serve, temp_dir):
    public, private = temp_dir / "static", temp_dir / "private"
    public.mkdir()
    private.mkdir()
    (public / "logo.svg").write_text("<svg/>")
    (private / "notes.txt").write_text("mine")
    gr.set_static_paths([str(public)])
    try:
        demo, _ = _demo()
        url = serve(demo)
        logo = httpx.get(url + f"file={public / 'logo.svg'}")
        assert logo.status_code == 200 and logo.headers["content-type"].startswith("image/svg+xml")
        assert httpx.get(url + f"file={private / 'notes.txt'}").status_code == 404
        assert httpx.get(url + f"file={public}/../private/notes.txt").status_code == 404
    finally:
        gr.set_static_paths([])
