"""gr.DeepLinkButton over the real protocol: a page asks for a link ({"type": "link"}), another page opens
it (hello "deep_link") and shows the same values; an unknown or expired link opens the app as usual."""

from __future__ import annotations

import time
from typing import Any

import pytest

import blocks as gr

from .conftest import Page, value


def app() -> tuple[gr.Blocks, dict[str, Any]]:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        secret = gr.State("mine")
        extra = gr.Markdown("more", visible=False)
        go = gr.Button("Go")
        go.click(lambda n: (f"Hello {n}", gr.update(visible=True)), name, [greeting, extra])
        gr.DeepLinkButton()
    return demo, {"name": name, "greeting": greeting, "secret": secret, "extra": extra, "go": go}


def share(page: Page, values: dict[Any, Any] | None = None) -> dict[str, Any]:
    page.seq += 1
    sent = {str(k.id if isinstance(k, gr.Block) else k): v for k, v in (values or {}).items()}
    page.send({"type": "link", "seq": page.seq, "values": sent})
    while True:
        message = page.recv()
        if message.get("seq") == page.seq and message["type"] in ("link", "error"):
            return message


def test_a_link_opens_a_new_session_showing_the_values_and_prop_updates(serve):
    demo, c = app()
    url = serve(demo)
    first = Page(url)
    first.event(c["go"], values={c["name"]: "Ada"})
    reply = share(first)
    assert reply["type"] == "link" and len(reply["id"]) >= 22
    opened = Page(url, deep_link=reply["id"])
    assert opened.session_hash != first.session_hash
    assert value(opened.load_updates, c["name"]) == "Ada"
    assert value(opened.load_updates, c["greeting"]) == "Hello Ada"
    assert opened.load_updates[str(c["extra"].id)]["visible"] is True
    assert str(c["secret"].id) not in opened.load_updates  # gr.State is never in a link
    # The opened session holds them: an event there sees the shared name.
    assert value(opened.event(c["go"]), c["greeting"]) == "Hello Ada"


def test_values_typed_but_not_sent_are_in_the_link_and_not_committed(serve):
    demo, c = app()
    url = serve(demo)
    first = Page(url)
    reply = share(first, {c["name"]: "typed"})
    assert value(Page(url, deep_link=reply["id"]).load_updates, c["name"]) == "typed"
    assert value(first.event(c["go"]), c["greeting"]) == "Hello "  # the link did not change the session


def test_a_link_may_not_carry_values_of_outputs_the_user_cannot_edit(serve):
    demo, c = app()
    url = serve(demo)
    page = Page(url)
    reply = share(page, {c["secret"]: "forged"})
    assert reply["type"] == "error" and "does not accept input" in reply["message"]


def test_each_link_has_its_own_random_id(serve):
    demo, _ = app()
    url = serve(demo)
    page = Page(url)
    ids = {share(page)["id"] for _ in range(5)}
    assert len(ids) == 5


@pytest.mark.parametrize("link", ["AAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd", "x" * 500])
def test_an_unknown_link_opens_the_app_as_usual_with_a_notice(serve, link):
    demo, c = app()
    url = serve(demo)
    page = Page(url, deep_link=link)
    assert page.session["type"] == "session"
    assert str(c["name"].id) not in page.load_updates  # the page shows its config's values
    notices = [m for m in page.messages if m["type"] == "toast"]
    assert notices and notices[0]["title"] == "Link not found" and "expired" in notices[0]["message"]


def test_an_expired_link_opens_the_app_as_usual(serve, monkeypatch):
    monkeypatch.setenv("BLOCKS_DEEP_LINK_TTL", "0.2")
    demo, c = app()
    url = serve(demo)
    first = Page(url)
    first.event(c["go"], values={c["name"]: "Ada"})
    link = share(first)["id"]
    time.sleep(0.3)
    page = Page(url, deep_link=link)
    assert str(c["name"].id) not in page.load_updates
    assert any(m["type"] == "toast" and m["title"] == "Link not found" for m in page.messages)


def test_a_shared_chat_goes_on_from_where_it_was(serve):
    demo = gr.ChatInterface(lambda message, history: f"{len(history)} before", api_name="chat")
    url = serve(demo)
    first = Page(url)
    first.event(demo.textbox, "submit", values={demo.textbox: "one"})
    link = share(first)["id"]
    opened = Page(url, deep_link=link)
    shown = value(opened.load_updates, demo.chatbot)
    assert [m["role"] for m in shown] == ["user", "assistant"]
    opened.event(demo.textbox, "submit", values={demo.textbox: "two"})
    again = Page(url, deep_link=share(opened)["id"])  # what the opened page shows now, whole
    chat = value(again.load_updates, demo.chatbot)
    assert [m["content"][0]["text"] for m in chat] == ["one", "0 before", "two", "2 before"]
