"""demos/audio_reverser.py and gr.Audio in Chromium: a real WAV chosen with set_input_files plays
(its duration is known), comes back reversed sample for sample, play/pause reach the server, and
a recording from Chromium's fake microphone arrives as (rate, samples)."""

from __future__ import annotations

import io
import math
import re
import wave
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

import blocks as gr

from .media_devices import fake_devices_fixture  # noqa: F401 - the fake_devices fixture
from .support import DemoProcess, demo_fixture, open_app, serve

pytestmark = pytest.mark.browser
server = demo_fixture("audio_reverser")
RATE = 8000


@pytest.fixture
def tone(tmp_path: Path) -> Path:
    """Half a second of a rising 16-bit tone: every sample differs from its neighbours."""
    samples = [int(8000 * math.sin(i * i / 4000)) + i for i in range(RATE // 2)]
    path = tmp_path / "tone.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(s.to_bytes(2, "little", signed=True) for s in samples))
    return path


def samples_of(body: bytes) -> tuple[int, list[int]]:
    with wave.open(io.BytesIO(body), "rb") as source:
        frames = source.readframes(source.getnframes())
        return source.getframerate(), [int.from_bytes(frames[i:i + 2], "little", signed=True)
                                       for i in range(0, len(frames), 2)]


def duration(page: Page, label: str) -> float:
    audio = page.locator(".audio", has=page.get_by_text(label, exact=True)).locator("audio")
    page.wait_for_function("a => a.readyState >= 1 && a.duration > 0", arg=audio.element_handle())
    return float(audio.evaluate("a => a.duration"))


def test_an_uploaded_wav_plays_and_comes_back_reversed(context: BrowserContext, server: DemoProcess,
                                                       tone: Path) -> None:
    page, watched = open_app(context, server.url)
    page.get_by_label("Your sound").set_input_files(tone)
    expect(page.get_by_label("Input", exact=True)).to_have_value("0.50 s at 8000 Hz, 1 channel")
    assert duration(page, "Your sound") == pytest.approx(0.5, abs=0.01)
    expect(page.locator(".audio canvas[data-bars='120']").first).to_be_attached()  # the waveform was drawn
    page.get_by_role("button", name="Reverse").click()
    result = page.locator(".audio", has=page.get_by_text("Backwards", exact=True)).locator("audio")
    page.wait_for_function("a => a.getAttribute('src')", arg=result.element_handle())
    assert duration(page, "Backwards") == pytest.approx(0.5, abs=0.01)
    rate, back = samples_of(httpx.get(str(result.evaluate("a => a.src"))).content)
    _, original = samples_of(tone.read_bytes())
    assert rate == RATE and back == original[::-1]
    assert watched.messages("error") == []


def test_play_and_pause_fire_from_the_players_button(context: BrowserContext, tone: Path) -> None:
    with gr.Blocks() as demo:
        sound = gr.Audio(str(tone), label="Sound", interactive=False)
        log = gr.Textbox(label="Log")
        sound.play(lambda text: text + "play ", log, log)
        sound.pause(lambda text: text + "pause ", log, log)
        sound.stop(lambda text: text + "end ", log, log)
    with serve(demo) as url:
        page, _ = open_app(context, url)
        expect(page.get_by_role("button", name="Upload")).to_have_count(0)  # an output: no sources
        page.get_by_role("button", name="Play").click()
        expect(page.get_by_label("Log")).to_have_value("play ")
        page.get_by_role("button", name="Pause").click()
        expect(page.get_by_label("Log")).to_have_value("play pause ")
        page.get_by_role("button", name="Play").click()  # plays on to its end (under 0.5 s)
        expect(page.get_by_label("Log")).to_have_value("play pause play end ")
        expect(page.get_by_role("button", name="Play")).to_be_visible()


def test_a_microphone_recording_arrives_as_rate_and_samples(fake_devices: BrowserContext,
                                                            server: DemoProcess) -> None:
    page, watched = open_app(fake_devices, server.url)
    page.get_by_role("button", name="Microphone").click()
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("button", name="Stop recording")).to_be_visible()
    page.wait_for_timeout(1200)  # about a second of the fake device's beep
    page.get_by_role("button", name="Stop recording").click()
    info = page.get_by_label("Input", exact=True)
    expect(info).to_have_value(re.compile(r"^(0\.[89]|1\.\d|2\.\d)\d* s at \d+ Hz, 1 channel$"))
    # stop_recording ran the reverser: its output plays
    result = page.locator(".audio", has=page.get_by_text("Backwards", exact=True)).locator("audio")
    page.wait_for_function("a => a.getAttribute('src')", arg=result.element_handle())
    assert duration(page, "Backwards") > 0.8
    assert watched.messages("error") == []
