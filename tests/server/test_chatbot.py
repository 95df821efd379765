"""gr.Chatbot, gr.ChatMessage, gr.MultimodalTextbox and gr.ChatInterface over the real protocol: the
messages format as Gradio 6 has it (tuples refused with its message), files in messages, streaming
frames, the like / retry / undo / edit payloads, and ChatInterface's turns and /chat endpoint."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

import blocks as gr
from blocks.errors import InvalidValueError

from .conftest import Page, value


@pytest.fixture(autouse=True)
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "cache"))


def _shown(page, bot):
    """The history the page shows now: the updates so far applied as frontend/index.js does (a value,
    or a value_tail keeping the first messages)."""
    shown = bot.initial_value()
    for message in page.messages:
        patch = message.get("updates", {}).get(str(bot.id), {}) if message["type"] == "update" else {}
        if "value" in patch:
            shown = patch["value"]
        elif "value_tail" in patch:
            shown = shown[:patch["value_tail"]["keep"]] + patch["value_tail"]["tail"]
    return shown


def _texts(payload):
    return [(m["role"], [i.get("text") for i in m["content"]]) for m in payload]


def test_messages_dicts_and_chat_messages_become_gradio_normalized_items():
    bot = gr.Chatbot()
    shown = bot.postprocess([{"role": "user", "content": "  hi **there**"},
                             gr.ChatMessage("thinking", metadata={"title": "Thought", "status": "done"}),
                             {"role": "assistant", "content": ["one", "two"], "options": [{"value": "Yes"}]}])
    assert _texts(shown) == [("user", ["hi **there**"]), ("assistant", ["thinking"]), ("assistant", ["one", "two"])]
    assert shown[0]["content"][0]["html"] == "<p>hi <strong>there</strong></p>\n"
    assert shown[1]["metadata"] == {"title": "Thought", "status": "done"}
    assert shown[2]["options"] == [{"value": "Yes"}]
    # what a callback gets: Gradio 6's normalized dicts, no HTML
    assert bot.preprocess(shown)[0] == {"role": "user", "metadata": None, "options": None,
                                        "content": [{"text": "hi **there**", "type": "text"}]}
    assert bot.postprocess(None) == []


def test_tuples_are_refused_with_gradios_message_and_bad_roles_too():
    with pytest.raises(gr.Error, match="Data incompatible with messages format"):
        gr.Chatbot().postprocess([["hello", "hi"]])
    with pytest.raises(gr.BlocksError, match="Data incompatible with messages format.*'role': 'user'"):
        gr.Chatbot([("hello", "hi")])
    with pytest.raises(gr.BlocksError, match="only the messages format"):
        gr.Chatbot(type="tuples")
    with pytest.raises(gr.Error, match="Invalid role 'bot'"):
        gr.Chatbot().postprocess([{"role": "bot", "content": "x"}])


def test_code_is_highlighted_math_rendered_and_html_sanitized():
    shown = gr.Chatbot().postprocess([{"role": "assistant", "content":
                                       "```python\nimport os\n```\n$$x^2$$ <img src=x onerror=alert(1)>"}])
    html = shown[0]["content"][0]["html"]
    assert '<span class="tok-kn">import</span>' in html and "<math" in html
    assert "onerror" not in html
    raw = gr.Chatbot(render_markdown=False).postprocess([{"role": "user", "content": "**a** <b>"}])
    assert raw[0]["content"][0]["html"] == "**a** &lt;b&gt;"


def test_files_and_components_in_messages_are_served_and_checked_on_the_way_back(tmp_path: Path, serve):
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG fake")
    with gr.Blocks() as demo:
        bot = gr.Chatbot([{"role": "user", "content": {"path": str(picture), "alt_text": "a cat"}},
                          {"role": "assistant", "content": gr.File(str(picture))}])
        seen = gr.Textbox(label="Seen")
        go = gr.Button("Go")
        go.click(lambda h: f"{h[0]['content'][0]['type']} {Path(h[0]['content'][0]['file']['path']).name}",
                 bot, seen)
    url = serve(demo)
    assert httpx.get(url).status_code == 200  # the page too (the message's File was taken out mid-config)
    assert [c["renderer"] for c in demo.config()["components"].values()].count("file") == 0
    start = bot.initial_value()
    item = start[0]["content"][0]
    assert item["type"] == "file" and item["alt_text"] == "a cat" and item["file"]["mime_type"] == "image/png"
    assert httpx.get(url + item["file"]["url"]).content == b"\x89PNG fake"
    assert start[1]["content"][0]["type"] == "component" and start[1]["content"][0]["component"] == "file"
    page = Page(url)
    assert value(page.event(go), seen) == "file cat.png"
    # a page (or API caller) may not slip another file into the history
    hostile = [{"role": "user", "content": [{"type": "file", "file": {"path": "/etc/passwd"}}]}]
    with pytest.raises(InvalidValueError, match="not one this session uploaded"):
        bot.check_payload(hostile)


def test_each_yield_is_one_frame_and_the_history_grows(serve):
    def stream(history):
        answer = {"role": "assistant", "content": ""}
        for word in ["one", "two", "three"]:
            answer["content"] += word + " "
            yield history + [answer]

    with gr.Blocks() as demo:
        bot = gr.Chatbot([{"role": "user", "content": "count"}])
        go = gr.Button("Go")
        go.click(stream, bot, bot)
    page = Page(serve(demo))
    page.event(go)
    frames = [m for m in page.messages if m["type"] == "update" and m["seq"] == 1 and str(bot.id) in m["updates"]]
    # sent as the history's new tail: the user's message stays, the answer grows
    answers = [m["updates"][str(bot.id)]["value_tail"]["tail"][-1]["content"][0]["text"].strip() for m in frames]
    assert answers == ["one", "one two", "one two three"]


def test_like_retry_undo_edit_and_option_payloads_reach_the_listener(serve):
    def liked(d: gr.LikeData):
        return f"like {d.index} {d.liked} {d.value}"

    def retried(d: gr.RetryData):
        return f"retry {d.index} {d.value}"

    def undone(h, d: gr.UndoData):
        return f"undo {d.index} {len(h[:d.index])}"

    def edited(d: gr.EditData):
        return f"edit {d.index} {d.previous_value}->{d.value}"

    def option(d: gr.SelectData):
        return f"option {d.value}"

    with gr.Blocks() as demo:
        bot = gr.Chatbot([{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}])
        out = gr.Textbox(label="Out")
        bot.like(liked, None, out)
        bot.retry(retried, None, out)
        bot.undo(undone, bot, out)
        bot.edit(edited, None, out)
        bot.option_select(option, None, out)
    page = Page(serve(demo))
    liked = page.event(bot, "like", data={"index": 1, "value": [{"type": "text", "text": "hello"}], "liked": False})
    assert value(liked, out) == "like 1 False [{'type': 'text', 'text': 'hello'}]"
    assert value(page.event(bot, "retry", data={"index": 0, "value": "hi"}), out) == "retry 0 hi"
    assert value(page.event(bot, "undo", data={"index": 0, "value": "hi"}), out) == "undo 0 0"
    edited = page.event(bot, "edit", data={"index": 0, "value": "hey", "previous_value": "hi"})
    assert value(edited, out) == "edit 0 hi->hey"
    assert value(page.event(bot, "option_select", data={"index": 1, "value": "Yes"}), out) == "option Yes"


def test_an_edited_history_sent_by_the_page_is_rendered_again_by_the_server(serve):
    with gr.Blocks() as demo:
        bot = gr.Chatbot([{"role": "user", "content": "hi"}], editable="user")
        out = gr.Textbox(label="Out")
        bot.change(lambda h: h[0]["content"][0]["text"], bot, out)
    page = Page(serve(demo))
    sent = [{"role": "user", "metadata": None, "options": None,
             "content": [{"type": "text", "text": "**bold**", "html": "<script>alert(1)</script>"}]}]
    reply = page.event(bot, "change", {bot: sent})
    assert value(reply, out) == "**bold**"
    assert bot.check_payload(sent)[0]["content"][0]["html"] == "<p><strong>bold</strong></p>\n"


def test_multimodal_textbox_values_in_and_out(tmp_path: Path):
    box = gr.MultimodalTextbox(file_types=[".txt"])
    assert box.postprocess(None) == {"text": "", "files": []}
    assert box.postprocess("hi") == {"text": "hi", "files": []}
    note = tmp_path / "note.txt"
    note.write_text("x")
    shown = box.postprocess({"text": "see", "files": [str(note)]})
    assert shown["files"][0]["orig_name"] == "note.txt"
    with pytest.raises(InvalidValueError):
        box.check_payload({"text": 3, "files": []})


def test_chat_interface_turns_with_an_additional_input_and_the_chat_endpoint(serve):
    def reply(message, history, style):
        return f"{style}:{message}:{len(history)}"

    demo = gr.ChatInterface(reply, additional_inputs=[gr.Textbox("calm", label="Style")])
    page = Page(serve(demo))
    page.event(demo.textbox, "submit", {demo.textbox: "hi"})
    assert _texts(_shown(page, demo.chatbot)) == [("user", ["hi"]), ("assistant", ["calm:hi:0"])]
    page.event(demo.textbox, "submit", {demo.textbox: "again"})
    assert _texts(_shown(page, demo.chatbot))[-1] == ("assistant", ["calm:again:2"])
    undone = page.event(demo.chatbot, "undo", data={"index": 2, "value": "again"})
    assert _texts(_shown(page, demo.chatbot)) == [("user", ["hi"]), ("assistant", ["calm:hi:0"])]
    assert value(undone, demo.textbox) == "again"
    page.event(demo.chatbot, "retry", data={"index": 0, "value": "hi"})
    assert _texts(_shown(page, demo.chatbot)) == [("user", ["hi"]), ("assistant", ["calm:hi:0"])]


def test_chat_endpoint_answers_api_callers(serve):
    demo = gr.ChatInterface(lambda m, h: gr.ChatMessage(f"echo {m}"))
    url = serve(demo)
    reply = httpx.post(url + "api/chat", json={"data": ["hi"]})
    assert reply.status_code == 200, reply.text
    assert reply.json()["data"][0] == "echo hi"


def test_streaming_chat_interface_shows_stop_while_it_runs_and_returns_lists_of_messages(serve):
    def stream(message, history):
        yield [gr.ChatMessage("...", metadata={"title": "Thinking"}), gr.ChatMessage("a")]
        yield [gr.ChatMessage("done", metadata={"title": "Thinking"}), gr.ChatMessage("ab")]

    demo = gr.ChatInterface(stream)
    page = Page(serve(demo))
    page.event(demo.textbox, "submit", {demo.textbox: "go"})
    history = _shown(page, demo.chatbot)
    assert _texts(history) == [("user", ["go"]), ("assistant", ["done"]), ("assistant", ["ab"])]
    assert history[1]["metadata"] == {"title": "Thinking"}
    stops = [m["updates"][str(demo.textbox.id)].get("stop_btn") for m in page.messages
             if m["type"] == "update" and str(demo.textbox.id) in m["updates"]]
    assert True in stops and stops[-1] is False


def test_a_streamed_answer_sends_only_the_new_tail_of_a_long_history(serve):
    earlier = [{"role": "user" if n % 2 == 0 else "assistant", "content": f"message {n} " + "x" * 200}
               for n in range(100)]

    def stream(history):
        for text in ["a", "ab", "abc"]:
            yield history + [{"role": "assistant", "content": text}]

    with gr.Blocks() as demo:
        bot = gr.Chatbot(earlier)
        go = gr.Button("Go")
        go.click(stream, bot, bot)
    page = Page(serve(demo))
    page.event(go)
    patches = [m["updates"][str(bot.id)] for m in page.messages
               if m["type"] == "update" and m["seq"] == 1 and str(bot.id) in m["updates"]]
    assert [p["value_tail"]["keep"] for p in patches] == [100, 100, 100]
    assert [[i["text"] for m in p["value_tail"]["tail"] for i in m["content"]] for p in patches] == [
        ["a"], ["ab"], ["abc"]]
    assert all("value" not in p for p in patches)
    # a listener that replaces the history from its start sends it whole
    reset = gr.Chatbot().value_patch(bot.initial_value(), [{"role": "user", "content": []}])
    assert "value" in reset


def test_a_history_sent_back_keeps_component_items_and_checks_their_files(tmp_path: Path):
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG fake")
    with gr.Blocks():
        bot = gr.Chatbot()
    shown = bot.postprocess([{"role": "assistant", "content": gr.File(str(picture))}])
    assert bot.check_payload(shown)[0]["content"][0]["value"]["path"] == shown[0]["content"][0]["value"]["path"]
    hostile = [{"role": "assistant", "content": [{"type": "component", "component": "file",
                                                  "value": {"path": "/etc/passwd"}}]}]
    with pytest.raises(InvalidValueError, match="not one this session"):
        bot.check_payload(hostile)


def test_chat_fn_gets_gr_request_and_its_parameters_are_checked_at_build_time(serve, caplog):
    def who(message, history, request: gr.Request):
        return f"{message} from session {request.session_hash[:4]}"

    demo = gr.ChatInterface(who)
    page = Page(serve(demo))
    page.event(demo.textbox, "submit", {demo.textbox: "hi"})
    assert _texts(_shown(page, demo.chatbot))[-1] == ("assistant", [f"hi from session {page.session_hash[:4]}"])
    wrong = gr.ChatInterface(lambda message, history: message, additional_inputs=[gr.Textbox()])
    assert "takes 2 input parameter(s) but the listener has 3" in caplog.text  # a warning, as Gradio's
    other = Page(serve(wrong))
    other.event(wrong.textbox, "submit", {wrong.textbox: "hi"})
    assert "takes 2 input parameter(s) but the listener has 3" in other.errors()[-1]["message"]
