"""Deep links without a server: snapshot and restore (deep_link.py), the store's links (MemoryStore),
gr.DeepLinkButton's arguments and Interface(deep_link=)."""

from __future__ import annotations

import logging

import orjson
import pytest

import blocks as gr
from blocks import deep_link
from blocks.store import MemoryStore
from blocks.store import memory as memory_store

from .aio import run


def tree() -> tuple[gr.Blocks, gr.Textbox, gr.State, gr.Markdown]:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        state = gr.State(1)
        note = gr.Markdown(visible=False)
    return demo, box, state, note


def test_a_snapshot_keeps_shown_values_and_prop_updates_but_no_state():
    demo, box, state, note = tree()
    data = deep_link.snapshot(demo, {box.id: "hi", state.id: "secret", ("props", note.id): {"visible": True}})
    assert b"secret" not in data
    values, patches = deep_link.restore(demo, data)
    assert values == {box.id: "hi", ("props", note.id): {"visible": True}}
    assert patches == {str(box.id): {"value": "hi"}, str(note.id): {"visible": True}}


def test_a_component_gone_or_of_another_type_since_the_link_was_made_is_left_out():
    demo, box, _, note = tree()
    data = orjson.dumps({"values": {str(box.id): {"type": "Number", "value": 3},
                                    "999": {"type": "Textbox", "value": "x"},
                                    str(note.id): {"type": "Markdown", "value": "kept"}}, "props": {"998": {}}})
    values, _ = deep_link.restore(demo, data)
    assert values == {note.id: "kept"}
    assert deep_link.restore(demo, b"not json") == ({}, {})


def test_a_state_naming_a_source_takes_its_restored_value_preprocessed():
    demo = gr.ChatInterface(lambda m, h: "ok")
    shown = [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]
    data = deep_link.snapshot(demo, {demo.chatbot.id: demo.chatbot.postprocess([{"role": "user", "content": "hi"}])})
    values, _ = deep_link.restore(demo, data)
    assert values[demo.history.id] == demo.chatbot.preprocess(values[demo.chatbot.id])
    assert values[demo.history.id][0]["role"] == "user" and shown


def test_a_snapshot_too_large_or_not_json_is_refused_with_the_reason(monkeypatch):
    demo, box, _, _ = tree()
    monkeypatch.setattr(deep_link, "MAX_SNAPSHOT_BYTES", 10)
    with pytest.raises(deep_link.LinkError, match="too large"):
        deep_link.snapshot(demo, {box.id: "a long enough value"})
    monkeypatch.setattr(deep_link, "MAX_SNAPSHOT_BYTES", 10_000)
    with pytest.raises(deep_link.LinkError, match="cannot be shared"):
        deep_link.snapshot(demo, {box.id: object()})


def test_link_ids_are_random_and_only_their_shape_is_looked_up():
    ids = {deep_link.link_id() for _ in range(100)}
    assert len(ids) == 100 and all(deep_link.valid_id(i) for i in ids)
    assert not any(deep_link.valid_id(bad) for bad in (None, 5, "short", "../" * 10, "a" * 65, "a b" * 8))


def test_the_ttl_comes_from_the_environment_and_a_bad_one_names_the_fix(monkeypatch):
    assert deep_link.deep_link_ttl() == deep_link.DEFAULT_TTL
    monkeypatch.setenv("BLOCKS_DEEP_LINK_TTL", "60")
    assert deep_link.deep_link_ttl() == 60
    for bad in ("soon", "0", "-1", "nan"):
        monkeypatch.setenv("BLOCKS_DEEP_LINK_TTL", bad)
        with pytest.raises(deep_link.LinkError, match="BLOCKS_DEEP_LINK_TTL"):
            deep_link.deep_link_ttl()


def test_the_memory_store_keeps_links_until_they_expire():
    async def go() -> None:
        store = MemoryStore()
        await store.save_link("a", b"1", expires_at=100)
        await store.save_link("b", b"2", expires_at=200)
        assert await store.load_link("a", now=50) == b"1"
        assert await store.load_link("a", now=150) is None  # expired, and dropped
        assert "a" not in store._links
        assert await store.load_link("b", now=150) == b"2"
        assert await store.load_link("nope", now=0) is None

    run(go())


def test_the_memory_store_drops_the_oldest_links_beyond_its_byte_budget(monkeypatch):
    monkeypatch.setattr(memory_store, "MAX_LINK_BYTES", 10)

    async def go() -> None:
        store = MemoryStore()
        for name in "abc":
            await store.save_link(name, b"12345", expires_at=100)
        assert [await store.load_link(n, now=0) for n in "abc"] == [None, b"12345", b"12345"]
        assert store._link_bytes == 10

    run(go())


def test_deep_link_button_defaults_and_what_it_does_not_honour(caplog):
    button = gr.DeepLinkButton()
    assert (button.value, button.copied_value, button.variant, button.size) == (
        "Share via Link", "Link Copied!", "secondary", "lg")
    assert "copied_value" in button.prop_names and "icon" not in button.prop_names
    assert gr.DeepLinkButton("Share", "Done!").copied_value == "Done!"
    with caplog.at_level(logging.WARNING, logger="blocks"):
        gr.DeepLinkButton(link="https://example.com", link_target="_blank", icon="link.svg")
    assert "DeepLinkButton(link=" in caplog.text and "link_target=" in caplog.text and "icon=" in caplog.text


def _buttons(demo: gr.Blocks) -> list[gr.DeepLinkButton]:
    return [b for b in demo.blocks_by_id.values() if isinstance(b, gr.DeepLinkButton)]


@pytest.mark.parametrize("spec, label", [(True, "Share via Link"), ("Share this", "Share this")])
def test_interface_deep_link_adds_a_button_usable_after_the_first_run(spec, label):
    demo = gr.Interface(lambda x: x, "text", "text", deep_link=spec)
    [button] = _buttons(demo)
    assert button.value == label and button.interactive is False
    enabling = [d for d in demo.dependencies if button in d.outputs]
    assert len(enabling) == 1 and enabling[0].callback.fn().interactive is True  # after the submit listener


def test_interface_without_deep_link_has_no_button_but_on_a_space_it_has(monkeypatch):
    assert not _buttons(gr.Interface(lambda x: x, "text", "text"))
    assert not _buttons(gr.Interface(lambda x: x, "text", "text", deep_link=False))
    monkeypatch.setenv("SYSTEM", "spaces")
    assert len(_buttons(gr.Interface(lambda x: x, "text", "text"))) == 1
    with pytest.raises(gr.BlocksError, match="deep_link=3"):
        gr.Interface(lambda x: x, "text", "text", deep_link=3)


def test_interface_deep_link_is_also_usable_after_a_cached_example():
    demo = gr.Interface(lambda x: x, "text", "text", examples=[["a"]], cache_examples=True, deep_link=True)
    [button] = _buttons(demo)
    assert len([d for d in demo.dependencies if button in d.outputs]) == 2


def test_deep_link_button_is_exported_and_no_longer_not_yet():
    from blocks.errors import NOT_YET  # noqa: PLC0415

    assert "DeepLinkButton" not in NOT_YET and "DeepLinkButton" in gr.__all__
