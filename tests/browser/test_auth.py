"""launch(auth=...) in Chromium: the app opens on the login page; a wrong password stays there with
"Incorrect Credentials"; the right one shows the app, whose listeners see the username; logout
goes back to the login page."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

import blocks as gr

from .support import serve, wait_ready

pytestmark = pytest.mark.browser


def _whoami(request: gr.Request) -> str:
    return f"Logged in as {request.username}"


def test_log_in_with_a_wrong_then_the_right_password(context: BrowserContext) -> None:
    with gr.Blocks() as demo:
        who, button = gr.Textbox(label="Who"), gr.Button("Who am I")
        button.click(_whoami, None, who)
    with serve(demo, auth=("ada", "lovelace"), auth_message="Members only") as url:
        page = context.new_page()
        page.goto(url)
        expect(page.get_by_role("heading", name="Login")).to_be_visible()
        expect(page.get_by_text("Members only")).to_be_visible()
        expect(page.get_by_role("button", name="Who am I")).to_have_count(0)
        page.get_by_label("Username").fill("ada")
        page.get_by_label("Password").fill("babbage")
        page.get_by_role("button", name="Login").click()
        expect(page.get_by_role("alert")).to_have_text("Incorrect Credentials")
        expect(page.get_by_role("button", name="Who am I")).to_have_count(0)
        assert not [c for c in context.cookies() if c["name"] == "blocks-auth"]
        page.get_by_label("Username").fill("ada")
        page.get_by_label("Password").fill("lovelace")
        page.get_by_role("button", name="Login").click()
        wait_ready(page)
        page.get_by_role("button", name="Who am I").click()
        expect(page.get_by_label("Who")).to_have_value("Logged in as ada")
        [cookie] = [c for c in context.cookies() if c["name"] == "blocks-auth"]
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
        page.goto(url + "logout")
        expect(page.get_by_role("heading", name="Login")).to_be_visible()
