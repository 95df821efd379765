"""create_app: the FastAPI app for a Blocks (page, assets, config, WebSocket, HTTP API)."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import logging
import math
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any

import jinja2
import orjson
from fastapi import FastAPI, Request, WebSocket
from fastapi.responses import Response
from starlette.requests import ClientDisconnect

from .. import i18n
from ..component import BUILTIN_RENDERERS
from ..errors import BlocksError
from ..files import FileRules
from ..files import cache as file_cache
from ..render import Render
from ..request import Client
from ..request import Request as BlocksRequest
from ..sealing import Sealer
from ..session import DEFAULT_CAPACITY, Sessions
from ..state import BrowserState
from ..store import MemoryStore, SessionStore
from ..version import __version__
from .assets import Assets, shipped_dir
from .auth import USER_KEY, LoginRequired, checker
from .clients import ClientLimits
from .files import add_file_routes
from .http_api import read_body, reply, run_api
from .openapi import add_endpoints
from .protocol import serve_socket
from .trust import TrustedRequests, allowed_origin, check_settings, cross_site_message
from .vendor import add_vendor_routes

if TYPE_CHECKING:
    from ..app import Blocks

log = logging.getLogger("blocks")


def _page_css(blocks: Any) -> str | None:
    """The theme's custom properties, then the app's CSS (which may override them)."""
    theme = getattr(blocks, "theme", None)
    parts = [theme.css() if theme is not None else None, blocks.css]
    return "\n".join(p for p in parts if p) or None


def _page_head(blocks: Any) -> str | None:
    """The stylesheets the theme's fonts need, then the app's <head> HTML."""
    theme = getattr(blocks, "theme", None)
    links = [f'<link rel="stylesheet" href="{url}">' for url in (theme.stylesheets() if theme is not None else [])]
    parts = [*links, blocks.head]
    return "\n".join(p for p in parts if p) or None
CACHE_FOREVER = "public, max-age=31536000, immutable"
CLOSE_FORBIDDEN = 4403
DEFAULT_SHUTDOWN_TIMEOUT = 10.0


def shutdown_timeout() -> float:
    """Seconds a stopping server waits for demo.unload and State delete callbacks
    (BLOCKS_SHUTDOWN_TIMEOUT, default 10)."""
    raw = os.environ.get("BLOCKS_SHUTDOWN_TIMEOUT", "").strip()
    if not raw:
        return DEFAULT_SHUTDOWN_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds >= 0):
        raise BlocksError(f"BLOCKS_SHUTDOWN_TIMEOUT={raw!r} is not a number of seconds; set it to e.g. 10, "
                          f"or unset it for the default ({DEFAULT_SHUTDOWN_TIMEOUT:g} s).")
    return seconds


def blocks_request(conn: Request | WebSocket) -> BlocksRequest:
    """A gr.Request describing an HTTP request or a WebSocket handshake."""
    client = Client(conn.client.host, conn.client.port) if conn.client else None
    return BlocksRequest(headers=conn.headers, client=client, query_params=conn.query_params,
                         cookies=conn.cookies, url=str(conn.url), request=conn, username=conn.scope.get(USER_KEY))


class Runtime:
    """Everything the routes share: the Blocks, its sessions, the page and the assets."""

    def __init__(self, blocks: "Blocks", store: SessionStore | None = None, show_error: bool = False,
                 capacity: int = DEFAULT_CAPACITY):
        self.blocks = blocks
        self.assets = Assets()
        sealers = {c.id: Sealer(c.resolved_storage_key(blocks.title), c.secret)
                   for c in blocks.components() if isinstance(c, BrowserState)}
        self.sessions = Sessions(blocks, store or MemoryStore(), sealers, show_error,  # type: ignore[arg-type]
                                 check_capacity(capacity))
        self.clients = ClientLimits()
        self.sessions.admit = self.clients.admit_session
        self.file_rules: FileRules = blocks.file_rules
        self.api = {str(d.api_name): d for d in blocks.dependencies if d.api_name}
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(shipped_dir("templates")), autoescape=True)
        self.template = env.get_template("page.html")
        self._pages: dict[tuple[str, str, str], tuple[bytes, bytes]] = {}
        self.shutdown_timeout = shutdown_timeout()
        self.loop: asyncio.AbstractEventLoop | None = None  # the loop serving the app, once started
        self._sweeper: asyncio.Task[None] | None = None
        self._shutdown: asyncio.Future[None] | None = None

    def start(self) -> None:
        """The server started: remember its loop, sweep expired sessions in the background."""
        self.loop = asyncio.get_running_loop()
        files_age = self.blocks.state_ttl if self.blocks.delete_cache else None
        self._sweeper = asyncio.ensure_future(_sweep_forever(self.sessions, self.blocks.sweep_every, files_age))

    async def shutdown(self) -> None:
        """End every session once: pages still connected are told, demo.unload and State delete
        callbacks run, within `shutdown_timeout`. Later calls wait for the first one."""
        if self._shutdown is None:
            self._shutdown = asyncio.ensure_future(self._end_sessions())
        await asyncio.shield(self._shutdown)

    async def _end_sessions(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()  # so that no sweep drops a session while the shutdown does
        await self.sessions.shutdown(self.shutdown_timeout)  # bounded by the timeout; it logs what it cut off

    def config(self, root: str, accept_language: str | None = None, route: str = "") -> dict[str, Any]:
        """The config of the page `route` (Blocks.route; "" the main one) with this deployment's asset
        version and root path, in the reader's language."""
        config = {**self.blocks.config(route), "version": self.assets.version, "root": root}
        translations = i18n.active(self.blocks)
        return config if translations is None else translations.translate(config, translations.languages(
            accept_language))

    def page(self, root: str, accept_language: str | None = None, route: str = "") -> tuple[bytes, bytes]:
        """The HTML (plain, gzipped) of the page `route` for a root path and language; rendered once for each."""
        translations = i18n.active(self.blocks)
        language = ",".join(translations.languages(accept_language)) if translations else ""
        if (root, language, route) not in self._pages:
            config = self.config(root, accept_language, route)
            # "<" escaped so that no string in the config can close the <script> element.
            config_json = orjson.dumps(config).decode().replace("<", "\\u003c")
            renderers = sorted(page_renderers(config))
            html = self.template.render(
                title=self.blocks.title, config_json=config_json, asset_base=f"{root}assets/{self.assets.version}/",
                root=root,
                renderers=renderers, css=_page_css(self.blocks), head=_page_head(self.blocks),
                preload_render=any(isinstance(b, Render) for b in self.blocks.blocks_by_id.values()),
            ).encode()
            self._pages[(root, language, route)] = (html, _gzip(html))
        return self._pages[(root, language, route)]


def page_renderers(config: dict[str, Any]) -> set[str]:
    """The renderer modules a page preloads: its components', the navbar's only where one is drawn."""
    names = {c["renderer"] for c in config["components"].values()} - BUILTIN_RENDERERS
    return names | {"navbar"} if "navbar" in config else names - {"navbar"}


def check_capacity(capacity: Any) -> int:
    """launch(state_session_capacity=...) as a number of sessions, or BlocksError naming the fix."""
    if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
        raise BlocksError(f"launch(state_session_capacity={capacity!r}): give the most sessions to keep, a whole "
                          f"number of at least 1 (default {DEFAULT_CAPACITY}).")
    return capacity


class PageSockets:
    """ASGI middleware taking WebSocket /ws straight to the page protocol, past FastAPI's router,
    exception middleware and per-route exit stacks: each stays suspended, holding memory, for as
    long as a page is open (about 8 KB of the page's cost, measured with tracemalloc)."""

    def __init__(self, app: Any, endpoint: Callable[[WebSocket], Awaitable[None]]):
        self.app = app
        self.endpoint = endpoint

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "websocket" and _route_path(scope) == "/ws":
            await self.endpoint(WebSocket(scope, receive, send))
        else:
            await self.app(scope, receive, send)


def _route_path(scope: dict[str, Any]) -> str:
    """The path below the root path, as Starlette's router matches it."""
    path, root = scope["path"], scope.get("root_path", "")
    if root and path.startswith(root) and path[len(root):len(root) + 1] == "/":
        return path[len(root):]
    return path


def _gzip(body: bytes) -> bytes:
    return gzip.compress(body, 9, mtime=0)


def _cross_site() -> Response:
    return reply(cross_site_message(), 403)


def _root(request: Request | WebSocket) -> str:
    return request.scope.get("root_path", "").rstrip("/") + "/"


def _compressed(request: Request, plain: bytes, gzipped: bytes, media_type: str,
                headers: dict[str, str]) -> Response:
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(gzipped, media_type=media_type,
                        headers={**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(plain, media_type=media_type, headers={**headers, "Vary": "Accept-Encoding"})


async def _failed(request: Request, exc: Exception) -> Response:
    """What no route expected still gets an answer that says what failed (never a bare 500)."""
    log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__, exc_info=exc)
    why = str(exc) if isinstance(exc, BlocksError) else f"{type(exc).__name__}; the server log has the details"
    return Response(orjson.dumps({"error": f"the server could not answer {request.url.path}: {why}."}),
                    status_code=500, media_type="application/json")


def create_app(blocks: "Blocks", store: SessionStore | None = None, show_error: bool = False,
               state_session_capacity: int = DEFAULT_CAPACITY) -> FastAPI:
    """The ASGI app serving `blocks`; the store holds at most `state_session_capacity` sessions."""
    blocks.validate()
    blocks.run_startup_jobs()
    runtime = Runtime(blocks, store, show_error, state_session_capacity)
    # The page config now: a value the page cannot show (an icon file that is not there) is an error
    # at launch, naming it, not a failure of the first page load. Every page's (Blocks.route).
    for each in blocks.pages:
        blocks.config(each.path)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime.start()
        try:
            yield
        finally:  # launch() ends the sessions before uvicorn closes the sockets; this is for other servers
            await runtime.shutdown()

    check_settings()
    app = FastAPI(lifespan=lifespan, title=blocks.title, version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")
    app.state.runtime = runtime

    app.add_exception_handler(Exception, _failed)

    async def socket(websocket: WebSocket) -> None:
        if not allowed_origin(websocket):
            await websocket.close(CLOSE_FORBIDDEN)  # before accept(): the handshake gets a 403
            return
        await serve_socket(websocket, runtime.sessions, blocks_request(websocket), runtime.clients)

    app.add_middleware(PageSockets, endpoint=socket)  # added first, so inside TrustedRequests: its checks apply
    if getattr(blocks, "auth", None) is not None:  # launch(auth=...): inside the trust checks, outside the rest
        app.add_middleware(LoginRequired, check=checker(blocks.auth), message=getattr(blocks, "auth_message", None))
    app.add_middleware(TrustedRequests)  # Host allowlist and trusted proxies, for every route

    def page_route(route: str) -> Callable[[Request], Awaitable[Response]]:
        async def page(request: Request) -> Response:
            html, gzipped = runtime.page(_root(request), request.headers.get("accept-language"), route)
            return _compressed(request, html, gzipped, "text/html; charset=utf-8", {"Cache-Control": "no-cache"})
        return page

    for each in blocks.pages:  # Blocks.route: every page at its own path, "/" the main one
        app.add_api_route(f"/{each.path}", page_route(each.path), methods=["GET"], include_in_schema=False)

    @app.get("/config", include_in_schema=False)
    async def config(request: Request, page: str = "") -> Response:
        if page not in {each.path for each in blocks.pages}:
            return reply({"error": f"no page {page!r}; this app's pages are "
                                   f"{', '.join(repr(each.path) for each in blocks.pages)}"}, 404)
        config = runtime.config(_root(request), request.headers.get("accept-language"), page)
        return Response(orjson.dumps(config), media_type="application/json")

    @app.get("/assets/{version}/{path:path}", include_in_schema=False)
    async def asset(request: Request, version: str, path: str) -> Response:
        found = runtime.assets.get(path)
        if found is None:
            return reply({"error": f"no asset '{path}'"}, 404)
        if request.headers.get("if-none-match") == found.etag:
            return Response(status_code=304, headers={"ETag": found.etag})
        cache = CACHE_FOREVER if version == runtime.assets.version else "no-cache"
        return _compressed(request, found.body, found.gzipped, found.media_type,
                           {"Cache-Control": cache, "ETag": found.etag})

    async def api(request: Request, api_name: str) -> Response:
        if not allowed_origin(request):
            return _cross_site()
        return await run_api(request, api_name, runtime.api, runtime.sessions, blocks_request(request))

    add_endpoints(app, runtime.api, api)  # documented in /openapi.json
    app.add_api_route("/api/{api_name}", api, methods=["POST"], include_in_schema=False)  # the undocumented too

    add_file_routes(app, runtime.sessions, runtime.file_rules)
    add_vendor_routes(app)

    @app.post("/session/close", include_in_schema=False)
    async def close_session(request: Request) -> Response:
        if not allowed_origin(request):
            return _cross_site()
        try:
            token = ((await read_body(request, 1000)) or b"").decode(errors="replace").strip()
        except ClientDisconnect:
            return reply({"error": "the request body was cut off (the client disconnected)"}, 400)
        session = runtime.sessions.by_token.get(token) if token else None
        if session is None:
            return reply({"error": "unknown or ended session"}, 404)
        await runtime.sessions.end(session, "closed")
        return Response(status_code=204)

    return app


async def _sweep_forever(sessions: Sessions, every: float, files_age: float | None) -> None:
    """Every `every` seconds: drop expired sessions; with Blocks(delete_cache=), cached files older
    than its age too."""
    while True:
        await asyncio.sleep(every)
        try:
            await sessions.sweep()
            if files_age is not None:
                await asyncio.to_thread(file_cache.sweep, files_age)
        except Exception:  # noqa: BLE001 - keep sweeping; the log says what broke
            log.exception("session sweep failed")
