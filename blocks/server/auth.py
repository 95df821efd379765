"""launch(auth=...): a login page, a signed cookie, and nothing else served without it.

auth is Gradio's: a (username, password) pair, a list of pairs, or a function(username, password)
-> bool. GET /login shows a form; POST /login checks it (passwords compared in constant time) and
sets an HttpOnly, SameSite=Lax cookie holding the username, an expiry and an HMAC of both made
with the app's signing key. Without a valid cookie the page redirects to /login, and every other
route (WebSocket, /api, /file=, /upload, /config) is refused: 401, or a WebSocket closed before its
handshake completes. GET /logout drops the cookie. The username becomes gr.Request.username.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import inspect
import time
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import BlocksError
from ..files import cache
from .trust import allowed_origin

COOKIE = "blocks-auth"
LIFETIME = 7 * 24 * 3600  # seconds a login lasts
OPEN_PATHS = ("/login", "/logout", "/assets/")  # the login page and the page's own scripts and styles
USER_KEY = "blocks.username"


def checker(auth: Any) -> Callable[[str, str], Any]:
    """auth= as a function(username, password) -> bool (or awaitable bool)."""
    if callable(auth):
        return auth
    pairs = [auth] if isinstance(auth, tuple) else auth
    if not (isinstance(pairs, list) and pairs and all(
            isinstance(p, tuple) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs)):
        raise BlocksError(f"launch(auth={auth!r}): give a (username, password) pair, a list of them, or a "
                          f"function(username, password) returning True to let the user in.")
    known = dict(pairs)

    def check(username: str, password: str) -> bool:
        expected = known.get(username, "")
        same = hmac.compare_digest(expected.encode(), password.encode())  # constant time, even for unknown users
        return same and username in known
    return check


def _sign(text: str) -> str:
    return hmac.new(cache.secret(), b"auth:" + text.encode(), hashlib.sha256).hexdigest()


def make_cookie(username: str, now: float | None = None) -> str:
    """The cookie's value: base64(username).expiry.signature."""
    name = base64.urlsafe_b64encode(username.encode()).decode().rstrip("=")  # no "=": the cookie stays unquoted
    body = f"{name}.{int((now or time.time()) + LIFETIME)}"
    return f"{body}.{_sign(body)}"


def cookie_user(value: str | None, now: float | None = None) -> str | None:
    """The username a cookie proves, or None (absent, altered or expired)."""
    if not value or value.count(".") != 2:
        return None
    body, signature = value.rsplit(".", 1)
    if not hmac.compare_digest(_sign(body), signature):
        return None
    name, expiry = body.split(".")
    if not expiry.isdigit() or int(expiry) < (now or time.time()):
        return None
    try:
        return base64.urlsafe_b64decode(name + "=" * (-len(name) % 4)).decode()
    except ValueError:
        return None


def _cookie_from(scope: Scope) -> str | None:
    for key, raw in scope.get("headers", []):
        if key == b"cookie":
            for part in raw.decode("latin-1").split(";"):
                name, _, value = part.strip().partition("=")
                if name == COOKIE:
                    return value.strip('"')
    return None


class LoginRequired:
    """ASGI middleware: every route but the login page needs a valid auth cookie."""

    def __init__(self, app: ASGIApp, check: Callable[[str, str], Any], message: str | None = None):
        self.app, self.check, self.message = app, check, message

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path, root = scope["path"], scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root):] or "/"
        user = cookie_user(_cookie_from(scope))
        if user is not None:
            scope[USER_KEY] = user
        if scope["type"] == "http" and path in ("/login", "/logout"):
            response = await (self.login(Request(scope, receive)) if path == "/login" else self.logout(scope))
            await response(scope, receive, send)
            return
        if user is not None or path.startswith(OPEN_PATHS):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})  # before accept: the handshake gets a 403
            return
        refusal: Response = (RedirectResponse(scope.get("root_path", "") + "/login", 302) if path == "/"
                             else JSONResponse({"error": "Not authenticated: log in at /login first."}, 401))
        await refusal(scope, receive, send)

    async def login(self, request: Request) -> Response:
        if request.method == "GET":
            return HTMLResponse(login_page(self.message))
        if request.method != "POST":
            return JSONResponse({"error": "use GET or POST /login"}, 405)
        if not allowed_origin(request):
            return JSONResponse({"error": "cross-site login refused"}, 403)
        form = await request.form()
        username, password = str(form.get("username", "")), str(form.get("password", ""))
        verdict = self.check(username, password)
        if inspect.isawaitable(verdict):
            verdict = await verdict
        if verdict is not True:
            return HTMLResponse(login_page(self.message, "Incorrect Credentials"), 401)
        response = RedirectResponse(request.scope.get("root_path", "") + "/", 303)
        response.set_cookie(COOKIE, make_cookie(username), max_age=LIFETIME, httponly=True, samesite="lax",
                            secure=request.url.scheme == "https", path="/")
        return response

    async def logout(self, scope: Scope) -> Response:
        response = RedirectResponse(scope.get("root_path", "") + "/login", 302)
        response.delete_cookie(COOKIE, path="/")
        return response


def login_page(message: str | None, error: str | None = None) -> str:
    """The login form (no scripts: it works with JavaScript off)."""
    note = f"<p>{html.escape(message)}</p>" if message else ""
    failed = f'<p role="alert" class="error">{html.escape(error)}</p>' if error else ""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Login</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0}}
form{{display:grid;gap:.6rem;min-width:18rem}}input{{padding:.5rem;font:inherit}}
button{{padding:.6rem;font:inherit;background:#f97316;color:#fff;border:0;border-radius:6px}}
.error{{color:#b91c1c}}</style></head><body><main><h1>Login</h1>{note}{failed}
<form method="post" action="login"><label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Login</button></form></main></body></html>"""
