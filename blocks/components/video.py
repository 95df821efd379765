"""gr.Video and gr.PlayableVideo: upload or record from the webcam, play with subtitles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..component import DROP, Arg
from ..errors import BlocksError
from ..events import CHANGE_DOC, EventListener
from ..files import subtitles
from ..files.values import from_payload, to_payload
from .files import FileValue

SOURCES = ("upload", "webcam")


@dataclass
class WatermarkOptions:
    """A watermark image for gr.Video (accepted; blocks does not draw it yet)."""

    watermark: Any = None
    position: Any = "bottom-right"


def _sources(block: Any, value: Any) -> list[str]:
    sources = [value] if isinstance(value, str) else list(value or SOURCES)
    wrong = [s for s in sources if s not in SOURCES]
    if wrong:
        raise BlocksError(f"Video(sources={value!r}): '{wrong[0]}' is not a source; use 'upload' and/or 'webcam'.")
    return sources


def _mirror(block: Any, value: Any) -> bool:
    """webcam_options (gr.WebcamOptions or a dict) as whether the webcam preview is mirrored."""
    mirror = value.get("mirror", True) if isinstance(value, dict) else getattr(value, "mirror", True)
    return mirror is not False


class Video(FileValue, renderer="video"):
    """A video player (with subtitles as a <track>); as an input, a drop zone and a webcam recorder.

    The callback gets the video's path; it may return a path, URL, pathlib.Path or a
    (video, subtitles) tuple whose subtitles are a .vtt or .srt file (converted to WebVTT).
    """

    default_label = "Video"
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", "Fires when the user changes the video (upload, record, clear).")
    clear = EventListener("clear", "Fires when the user clears the video.")
    upload = EventListener("upload", "Fires when the user uploads a video.")
    play = EventListener("play", "Fires when the video starts playing.")
    pause = EventListener("pause", "Fires when the video is paused.")
    stop = EventListener("stop", "Fires when the video is stopped (Gradio fires it at the end too).")
    end = EventListener("end", "Fires when the video reaches its end.")
    start_recording = EventListener("start_recording", "Fires when the user starts recording from the webcam.")
    stop_recording = EventListener("stop_recording", "Fires when the user stops recording from the webcam.")
    args = {
        "format": None, "sources": Arg(None, convert=_sources), "height": None, "width": None,
        "include_audio": None, "autoplay": False, "loop": False, "subtitles": None,
        "webcam_options": Arg(None, convert=_mirror),
        "watermark": Arg(None, unhonoured="not supported yet: no watermark is drawn"),
        "streaming": Arg(False, unhonoured="not supported yet: the video is sent once recording stops"),
        "playback_position": Arg(0, unhonoured="not supported yet: playback starts at 0"),
        "file_count": DROP, "file_types": DROP,
    }
    positional = ("value",)
    viewer_events = frozenset({"play", "pause", "stop", "end"})

    @property
    def many(self) -> bool:
        return False

    def setup(self) -> None:
        super().setup()
        if getattr(self, "include_audio", None) is None:
            self.__dict__["include_audio"] = "upload" in self.sources
        if self.format is not None and self.format not in ("mp4", "webm", "ogg"):
            raise BlocksError(f"Video(format={self.format!r}): blocks cannot convert videos (there is no ffmpeg); "
                              f"use None to keep them as they are.")

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        video = payload.get("video", payload) if isinstance(payload, dict) else payload
        return from_payload(video, self.rules(), self.describe(), ["video"]).path

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        given_subtitles = self.subtitles
        if isinstance(value, (tuple, list)):
            value, given_subtitles = (list(value) + [None])[:2]
        where = self.describe()
        track = None
        if given_subtitles is not None:
            track = to_payload(subtitles.to_vtt_file(given_subtitles, where), self.rules(), where)
        return {"video": to_payload(value, self.rules(), where), "subtitles": track}

    def check_payload(self, payload: Any) -> Any:
        video = payload.get("video", payload) if isinstance(payload, dict) else payload
        if payload is not None and not (isinstance(video, dict) and isinstance(video.get("path"), str)):
            raise self.bad_payload(payload, "{'video': {'path': ..., 'url': ...}, 'subtitles': ...} or null")
        return payload

    def api_info(self) -> dict[str, Any]:
        one = super().api_info()["anyOf"][0]
        pair = {"type": "object", "required": ["video"],
                "properties": {"video": one, "subtitles": {"anyOf": [one, {"type": "null"}]}}}
        return {"anyOf": [pair, {"type": "null"}]}

    def props(self) -> dict[str, Any]:
        props = super().props()
        props.pop("subtitles", None)  # sent with the value as a WebVTT file, not as the path given
        return props


class PlayableVideo(Video):
    """gr.PlayableVideo: a Video whose files are mp4 (blocks keeps them as they are)."""

    args = {"format": "mp4"}


__all__ = ["PlayableVideo", "Video", "WatermarkOptions"]
