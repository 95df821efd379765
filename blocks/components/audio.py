"""gr.Audio and gr.WaveformOptions: upload or record in the browser, a waveform or the native player."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..component import DROP, Arg
from ..errors import BlocksError
from ..events import CHANGE_DOC, EventListener
from ..files import audio
from ..files.values import from_payload, to_payload
from .files import FileValue

SOURCES = ("upload", "microphone")


@dataclass
class WaveformOptions:
    """How gr.Audio draws its waveform (colours, the recording waveform, the skip buttons' seconds)."""

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    skip_length: float = 5
    sample_rate: int = 44100


def _sources(block: Any, value: Any) -> list[str]:
    sources = [value] if isinstance(value, str) else list(value or ["upload", "microphone"])
    wrong = [s for s in sources if s not in SOURCES]
    if wrong:
        raise BlocksError(f"Audio(sources={value!r}): '{wrong[0]}' is not a source; use 'upload' and/or 'microphone'.")
    return sources


def _waveform(block: Any, value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        value = WaveformOptions(**value)
    if not isinstance(value, (WaveformOptions, type(None))):
        raise BlocksError(f"Audio(waveform_options={value!r}): give gr.WaveformOptions(...) or a dict of its fields.")
    return asdict(value or WaveformOptions())


def _format(block: Any, value: Any) -> str | None:
    if value is not None and str(value).lower() not in ("wav", "mp3"):
        raise BlocksError(f"Audio(format={value!r}): use 'wav' or 'mp3' (or None to keep files as they are).")
    return value and str(value).lower()


class Audio(FileValue, renderer="audio"):
    """An audio player with a waveform; as an input, a file drop zone and a microphone recorder.

    The callback gets (sample_rate, int16 array) for type="numpy" (shape (n,) or (n, channels)),
    or a path for type="filepath"; it may return either, bytes, a URL or a pathlib.Path.
    """

    default_label = "Audio"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", "Fires when the user changes the audio (upload, record, clear).")
    clear = EventListener("clear", "Fires when the user clears the audio.")
    upload = EventListener("upload", "Fires when the user uploads an audio file.")
    play = EventListener("play", "Fires when the audio starts playing.")
    pause = EventListener("pause", "Fires when the audio is paused.")
    stop = EventListener("stop", "Fires when the audio reaches its end (Gradio's stop).")
    start_recording = EventListener("start_recording", "Fires when the user starts recording.")
    pause_recording = EventListener("pause_recording", "Fires when the user pauses recording.")
    stop_recording = EventListener("stop_recording", "Fires when the user stops recording.")
    stream = EventListener("stream", "Fires while streaming microphone input (not supported yet).")
    args = {
        "sources": Arg(None, convert=_sources), "type": Arg("numpy", prop=False, one_of=("numpy", "filepath")),
        "format": Arg(None, convert=_format), "autoplay": False, "loop": False, "recording": False,
        "waveform_options": Arg(None, convert=_waveform),
        "streaming": Arg(False, unhonoured="not supported yet: audio is sent once recording stops"),
        "editable": Arg(True, unhonoured="not supported yet: there is no trim tool"),
        "subtitles": Arg(None, unhonoured="not supported yet: audio subtitles are not shown"),
        "playback_position": Arg(0, unhonoured="not supported yet: playback starts at 0"),
        "file_count": DROP, "file_types": DROP,
    }
    positional = ("value",)
    viewer_events = frozenset({"play", "pause", "stop"})

    @property
    def many(self) -> bool:
        return False

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        data = from_payload(payload, self.rules(), self.describe(), ["audio", ".wav", ".mp3", ".ogg", ".webm"])
        return audio.from_file(data.path, self.type, self.describe())

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if self.format == "mp3" and isinstance(value, tuple):
            raise BlocksError(f"{self.describe()}: format='mp3' needs an mp3 encoder, which blocks does not have; "
                              f"use format='wav' (the default for arrays).")
        return to_payload(audio.to_file(value, self.describe()), self.rules(), self.describe())



class Microphone(Audio):
    """gr.Microphone (gr.Mic): an Audio that records from the microphone."""

    args = {"sources": Arg(["microphone"], convert=_sources)}


Mic = Microphone


__all__ = ["Audio", "Mic", "Microphone", "WaveformOptions"]
