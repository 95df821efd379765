"""launch(auth=...): without the login cookie nothing but the login page is served (page, WebSocket,
/api, /file=, /config); a right password sets the cookie and gr.Request.username; a wrong one does not."""

from __future__ import annotations

import httpx
import pytest
from websockets.exceptions import InvalidStatus

import blocks as gr
from blocks.server.auth import COOKIE, checker, cookie_user, make_cookie

from .conftest import Page, value


def _whoami(request: gr.Request) -> str:
    return str(request.username)


def _app():
    with gr.Blocks() as demo:
        who, button = gr.Textbox(label="Who"), gr.Button("Who am I")
        button.click(_whoami, None, who, api_name="whoami")
    return demo, who, button


def _login(url: str, username: str, password: str) -> httpx.Response:
    return httpx.post(url + "login", data={"username": username, "password": password}, follow_redirects=False)


def test_without_the_cookie_the_page_redirects_and_everything_else_is_refused(serve):
    demo, _, _ = _app()
    url = serve(demo, auth=("ada", "lovelace"))
    page = httpx.get(url, follow_redirects=False)
    assert page.status_code == 302 and page.headers["location"] == "/login"
    assert httpx.get(url + "login").status_code == 200 and 'type="password"' in httpx.get(url + "login").text
    for path in ("config", "file=/etc/passwd", "openapi.json"):
        assert httpx.get(url + path).status_code == 401, path
    assert httpx.post(url + "api/whoami", json={"data": []}).status_code == 401
    assert httpx.post(url + "upload", files=[("files", ("a.txt", b"x"))]).status_code == 401
    with pytest.raises(InvalidStatus) as refused:
        Page(url)
    assert refused.value.response.status_code == 403
    forged = make_cookie("ada").rsplit(".", 1)[0] + "." + "0" * 64
    with pytest.raises(InvalidStatus):
        Page(url, headers={"Cookie": f"{COOKIE}={forged}"})


def test_a_wrong_password_is_refused_and_the_right_one_logs_in_with_a_safe_cookie(serve):
    demo, who, button = _app()
    url = serve(demo, auth=[("ada", "lovelace"), ("bob", "builder")], auth_message="Members only")
    wrong = _login(url, "ada", "wrong")
    assert wrong.status_code == 401 and "Incorrect Credentials" in wrong.text and COOKIE not in wrong.cookies
    assert "Members only" in wrong.text
    assert _login(url, "eve", "lovelace").status_code == 401
    right = _login(url, "ada", "lovelace")
    assert right.status_code == 303 and right.headers["location"] == "/"
    set_cookie = right.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite=lax" in set_cookie
    cookie = right.cookies[COOKIE]
    assert httpx.get(url, cookies={COOKIE: cookie}).status_code == 200
    page = Page(url, headers={"Cookie": f"{COOKIE}={cookie}"})
    assert value(page.event(button, "click"), who) == "ada"
    api = httpx.post(url + "api/whoami", json={"data": []}, cookies={COOKIE: cookie})
    assert api.status_code == 200 and api.json()["data"] == ["ada"]
    out = httpx.get(url + "logout", cookies={COOKIE: cookie}, follow_redirects=False)
    assert out.status_code == 302 and 'blocks-auth=""' in out.headers["set-cookie"]


def test_a_cross_site_login_post_is_refused(serve):
    demo, _, _ = _app()
    url = serve(demo, auth=("ada", "lovelace"))
    posted = httpx.post(url + "login", data={"username": "ada", "password": "lovelace"},
                        headers={"Origin": "https://evil.example"})
    assert posted.status_code == 403


def test_auth_can_be_a_function_and_bad_auth_is_a_clear_error():
    assert checker(lambda u, p: u == p)("x", "x") is True
    check = checker(("ada", "lovelace"))
    assert check("ada", "lovelace") and not check("ada", "lovelac") and not check("", "")
    with pytest.raises(gr.BlocksError, match=r"launch\(auth='ada'\): give a \(username, password\) pair"):
        checker("ada")


def test_an_altered_or_expired_cookie_proves_nobody():
    cookie = make_cookie("ada", now=1000)
    assert cookie_user(cookie, now=1001) == "ada"
    assert cookie_user(cookie, now=1000 + 8 * 24 * 3600) is None
    name, expiry, signature = cookie.split(".")
    assert cookie_user(f"{name}.{int(expiry) + 10**6}.{signature}", now=1001) is None
    assert cookie_user("bob." + cookie.split(".", 1)[1], now=1001) is None
    for name in ("admin", "a", "ab", "Zoë"):  # every padding length of base64, and not ASCII
        assert cookie_user(make_cookie(name, now=1000), now=1001) == name and "=" not in make_cookie(name)
