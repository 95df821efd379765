"""BrowserState at the protocol level: sealed blobs, tampering, falsy values, restarts."""

from __future__ import annotations

import pytest

import blocks as gr
from blocks.sealing import Sealer

from .conftest import Page, value


@pytest.fixture(autouse=True)
def key_file(tmp_path, monkeypatch):
    monkeypatch.setenv("BLOCKS_KEY_FILE", str(tmp_path / "key"))


def app(default=("", "")):
    with gr.Blocks() as demo:
        saved = gr.BrowserState(list(default), storage_key="creds")
        name = gr.Textbox(label="Name")
        shown = gr.Textbox(label="Shown")
        save = gr.Button("Save")
        save.click(lambda n: [n, n.upper()], name, saved)
        demo.load(lambda s: repr(s), saved, shown)
    return demo, saved, name, shown, save


def test_blob_is_sealed_and_restored_on_the_next_visit(serve):
    demo, saved, name, shown, save = app()
    url = serve(demo)
    page = Page(url)
    blob = page.event(save, values={name: "ada"})[str(saved.id)]["blob"]
    assert "ada" not in blob and "ADA" not in blob
    later = Page(url, browser_state={str(saved.id): blob})
    assert value(later.load_updates, shown) == "['ada', 'ADA']"


def test_blob_survives_a_restart_with_the_server_side_key(serve):
    demo, saved, name, shown, save = app()
    blob = Page(serve(demo)).event(save, values={name: "ada"})[str(saved.id)]["blob"]
    demo.close()
    demo2, saved2, *_ = app()
    shown2 = demo2.blocks_by_id[shown.id]
    assert value(Page(serve(demo2), browser_state={str(saved2.id): blob}).load_updates, shown2) == "['ada', 'ADA']"


@pytest.mark.parametrize("blob", ["v1.AAAA", "garbage", "v1." + "A" * 80, 42])
def test_tampered_or_foreign_blobs_give_the_default_and_a_warning(serve, blob):
    demo, saved, _, shown, _ = app()
    page = Page(serve(demo), browser_state={str(saved.id): blob})
    assert value(page.load_updates, shown) == "['', '']"
    assert any(m["type"] == "warning" and "ignored the stored value" in m["message"] for m in page.messages)
    assert not page.errors()


def test_blob_from_another_storage_key_is_refused(serve):
    demo, saved, _, shown, _ = app()
    foreign = Sealer("other-app").seal(["mallory", "x"])
    page = Page(serve(demo), browser_state={str(saved.id): foreign})
    assert value(page.load_updates, shown) == "['', '']"


def test_falsy_values_are_stored(serve):
    with gr.Blocks() as demo:
        flag = gr.BrowserState(True, storage_key="flag")
        off = gr.Button("Off")
        shown = gr.Textbox(label="Shown")
        off.click(lambda: False, None, flag)
        demo.load(lambda f: repr(f), flag, shown)
    url = serve(demo)
    blob = Page(url).event(off)[str(flag.id)]["blob"]
    assert value(Page(url, browser_state={str(flag.id): blob}).load_updates, shown) == "False"


def test_a_browser_state_value_that_would_not_fit_in_the_page_is_not_saved(serve):
    """Every page load sends all of a page's blobs in one frame: the server refuses to store a value
    that would push their total over the budget, so that a page can always load again."""
    big = "x" * 250_000  # under the per-value cap, but three of them are not
    with gr.Blocks() as demo:
        stores = [gr.BrowserState("", storage_key=f"big{i}") for i in range(3)]
        fills = [gr.Button(f"Fill {i}") for i in range(3)]
        for button, store in zip(fills, stores):
            button.click(lambda: big, None, store)
        sizes = gr.Textbox(label="Sizes")
        measure = gr.Button("Measure")
        measure.click(lambda *held: ",".join(str(len(v)) for v in held), stores, sizes)
    url = serve(demo)
    page = Page(url)
    blobs = [page.event(fills[i])[str(stores[i].id)]["blob"] for i in range(2)]
    assert not page.errors()
    third = page.event(fills[2])
    assert str(stores[2].id) not in third  # nothing for the page to store
    [error] = page.errors()
    assert error["message"] == (
        f"BrowserState (id {stores[2].id}) (localStorage key 'big2'): not saved; this page's BrowserState values "
        f"would take {sum(map(len, blobs)) + len(blobs[0]):,} bytes together, over the 900,000-byte limit per page. "
        f"Keep large data in gr.State.")
    assert value(page.event(measure), sizes) == "250000,250000,0"  # the session did not keep it either
    # What the page stores still loads: both blobs fit in a hello.
    again = Page(url, browser_state={str(store.id): blob for store, blob in zip(stores, blobs)})
    assert value(again.event(measure), sizes) == "250000,250000,0"
