"""File routes: POST /upload (multipart, streamed to the cache) and GET /file=<path> (the rules
of files/access.py), also under Gradio's /gradio_api/ prefix."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect

from ..files import FileData, cache
from ..files.access import FileRules, file_url
from ..files.data import guess_type
from .http_api import reply
from .trust import allowed_origin, cross_site_message

if TYPE_CHECKING:
    from ..session import Sessions

SESSION_HEADER = "x-blocks-session"  # the page's resume token, tying its uploads to its session
MAX_FILES = 1000
SCRIPTABLE = {"image/svg+xml", "text/html", "application/xhtml+xml", "text/xml", "application/xml"}


class TooLarge(Exception):
    """A part went over max_file_size while streaming."""


class _Part:
    """One file of the upload, written to a temporary file in the cache as it arrives."""

    def __init__(self, headers: dict[bytes, bytes]):
        _, options = parse_options_header(headers.get(b"content-disposition", b""))
        self.name = (options.get(b"filename") or b"").decode(errors="replace")
        self.field = (options.get(b"name") or b"").decode(errors="replace")
        self.mime = headers.get(b"content-type", b"").decode(errors="replace") or None
        fd, temp = tempfile.mkstemp(dir=cache.cache_dir(), prefix=".part-")
        self.out, self.temp = os.fdopen(fd, "wb"), Path(temp)
        self.digest, self.size = hashlib.sha256(), 0


class _Upload:
    """Feeds the body to python-multipart, failing as soon as one file passes the limit."""

    def __init__(self, boundary: bytes, limit: int | None):
        self.limit = limit
        self.parts: list[_Part] = []
        self.current: _Part = None  # type: ignore[assignment]  # set when a part's headers end
        self.headers: dict[bytes, bytes] = {}
        self.field, self.value = b"", b""
        self.parser = MultipartParser(boundary, {
            "on_part_begin": self._begin, "on_header_field": self._field, "on_header_value": self._value,
            "on_header_end": self._header_end, "on_headers_finished": self._open, "on_part_data": self._data,
            "on_part_end": self._end})

    def _begin(self) -> None:
        self.headers, self.field, self.value = {}, b"", b""

    def _field(self, data: bytes, start: int, end: int) -> None:
        self.field += data[start:end]

    def _value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def _header_end(self) -> None:
        self.headers[self.field.lower()] = self.value
        self.field, self.value = b"", b""

    def _open(self) -> None:
        if len(self.parts) >= MAX_FILES:
            raise MultipartParseError(f"more than {MAX_FILES} files in one upload")
        self.current = _Part(self.headers)
        self.parts.append(self.current)

    def _data(self, data: bytes, start: int, end: int) -> None:
        part = self.current
        part.size += end - start
        if self.limit is not None and part.size > self.limit:
            raise TooLarge(part.name)
        part.digest.update(data[start:end])
        part.out.write(data[start:end])

    def _end(self) -> None:
        self.current.out.close()

    def discard(self) -> None:
        for part in self.parts:
            part.out.close()
            part.temp.unlink(missing_ok=True)


def _limit_text(limit: int) -> str:
    return f"{limit / 1024 ** 2:g} MB" if limit >= 1024 ** 2 else f"{limit:,} bytes"


async def upload(request: Request, sessions: "Sessions", rules: FileRules) -> Response:
    """Stream the files of a multipart body into the session's upload directory."""
    if not allowed_origin(request):
        return reply(cross_site_message(), 403)
    token = request.headers.get(SESSION_HEADER) or request.query_params.get("session_token") or ""
    session = sessions.by_token.get(token) if token else sessions.api_session(request.query_params.get("session_hash"))
    if session is None:
        return reply({"error": f"uploads need a session: a page sends its resume token in the "
                               f"{SESSION_HEADER.title()} header; an API caller starts a kept session (POST "
                               f"/api/<name> with \"keep_session\": true) and sends ?session_hash=<it>"}, 401)
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    if kind != b"multipart/form-data" or not options.get(b"boundary"):
        return reply({"error": "send the files as multipart/form-data (a 'files' field per file)"}, 400)
    parsing = _Upload(options[b"boundary"], rules.max_file_size)
    try:
        async for chunk in request.stream():
            parsing.parser.write(chunk)
        parsing.parser.finalize()
    except TooLarge as exc:
        parsing.discard()
        return reply({"error": f"'{exc}' is larger than the largest file this app accepts "
                               f"(max_file_size, {_limit_text(rules.max_file_size or 0)})"}, 413)
    except (MultipartParseError, ClientDisconnect) as exc:
        parsing.discard()
        return reply({"error": f"the upload could not be read: {exc}"}, 400)
    files = [_stored(part, session.id) for part in parsing.parts if part.name]
    for part in parsing.parts:
        part.temp.unlink(missing_ok=True)
    if request.query_params.get("format") == "filedata":
        return reply({"files": files})  # type: ignore[dict-item]
    return Response(orjson.dumps([f["path"] for f in files]), media_type="application/json")


def _stored(part: _Part, session: str) -> dict[str, Any]:
    path = cache.place(part.temp, part.digest.hexdigest(), part.name, cache.session_dir(session))
    return FileData(path=str(path), url=file_url(path, session), size=part.size, orig_name=part.name,
                    mime_type=part.mime or guess_type(part.name)).to_dict()


def serve(request: Request, path: str, rules: FileRules) -> Response:
    """A file this request may read (see files/access.py), with ranges; 404 for anything else."""
    params = request.query_params
    found = rules.readable(path, params.get("session_hash"), params.get("sig"))
    if found is None:
        return reply({"error": "no such file, or it is not yours to read"}, 404)
    download = params.get("download") is not None
    headers = {"Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff"}
    media_type = guess_type(found.name)
    if media_type in SCRIPTABLE:  # opened directly, an SVG or HTML file runs no script on this origin
        headers["Content-Security-Policy"] = "sandbox"
    return FileResponse(found, media_type=media_type, headers=headers,
                        filename=found.name if download else None,
                        content_disposition_type="attachment" if download else "inline")


def add_file_routes(app: FastAPI, sessions: "Sessions", rules: FileRules) -> None:
    async def upload_route(request: Request) -> Response:
        return await upload(request, sessions, rules)

    async def file_route(request: Request, path: str) -> Response:
        return serve(request, path, rules)

    for prefix in ("", "/gradio_api"):
        app.add_api_route(f"{prefix}/upload", upload_route, methods=["POST"], include_in_schema=False)
        app.add_api_route(prefix + "/file={path:path}", file_route, methods=["GET", "HEAD"], include_in_schema=False)
