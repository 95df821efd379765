"""Subtitles for gr.Video: a .vtt file as it is, an .srt file converted to WebVTT (what <track> plays),
or Gradio's list of {"text", "timestamp": [start, end]} dicts written as WebVTT."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InvalidValueError
from . import cache

_SRT_TIME = re.compile(r"(\d{1,2}:\d{2}:\d{2}),(\d{3})")


def srt_to_vtt(text: str) -> str:
    """SRT text as WebVTT: a header, '.' before milliseconds, cue numbers dropped."""
    cues = []
    for block in re.split(r"\r?\n\s*\r?\n", text.strip().lstrip("\ufeff")):
        lines = [line for line in block.splitlines() if line.strip()]
        if lines and lines[0].strip().isdigit():
            lines = lines[1:]
        if lines and "-->" in lines[0]:
            lines[0] = _SRT_TIME.sub(r"\1.\2", lines[0])
            cues.append("\n".join(lines))
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def _stamp(seconds: float) -> str:
    hours, rest = divmod(float(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def to_vtt_file(value: Any, where: str) -> Any:
    """A subtitles value as a path to a WebVTT file (or the value unchanged: a URL, a .vtt path)."""
    if isinstance(value, list):
        try:
            cues = [f"{_stamp(c['timestamp'][0])} --> {_stamp(c['timestamp'][1])}\n{c['text']}" for c in value]
        except (KeyError, TypeError, IndexError):
            raise InvalidValueError(f"{where}: subtitles as a list are dicts {{'text': str, 'timestamp': "
                                    f"[start, end]}} in seconds.") from None
        return cache.store_bytes(("WEBVTT\n\n" + "\n\n".join(cues) + "\n").encode(), "subtitles.vtt")
    if isinstance(value, (str, Path)) and Path(value).suffix.lower() == ".srt" and Path(value).is_file():
        text = Path(value).read_text(encoding="utf-8", errors="replace")
        return cache.store_bytes(srt_to_vtt(text).encode(), Path(value).with_suffix(".vtt").name)
    return value
