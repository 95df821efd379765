"""Sample media for demos, as Gradio's gradio.media: get_image, get_video, get_audio, get_model3d, get_file.

Each returns the path of a small sample that blocks ships (media_assets/, made by its
generate.py: our own drawings and tones, a few KB each). A name asks for a kind of file: a
shipped sample with that suffix is returned ("cheetah.jpg" gives the JPEG sample); None gives a
random sample of the kind; a URL is returned as it is.
"""

from __future__ import annotations

import random
from pathlib import Path

MEDIA_ROOT = Path(__file__).resolve().parent / "media_assets"
# The sample folders, as Gradio's (demos pass them to launch(allowed_paths=)).
MEDIA_PATHS = [str(MEDIA_ROOT / kind) for kind in ("images", "videos", "audio", "models3d", "data")]
# Names of Gradio's samples whose content a demo relies on, and the sample of ours that has it.
_SAME_CONTENT = {"time.csv": "series.csv"}


def _get_media_path(kind: str, filename: str | None = None) -> str:
    folder = MEDIA_ROOT / kind
    samples = sorted(p for p in folder.iterdir() if p.is_file())
    if filename is None:
        return str(random.choice(samples))
    if filename.startswith(("http://", "https://")):
        return filename
    wanted = Path(_SAME_CONTENT.get(filename, filename))
    exact = folder / wanted.name
    if exact.is_file():
        return str(exact)
    alike = [p for p in samples if p.suffix.lower() == wanted.suffix.lower()
             or {p.suffix.lower(), wanted.suffix.lower()} == {".jpg", ".jpeg"}]
    if not alike:
        kinds = ", ".join(sorted({p.suffix for p in samples}))
        raise FileNotFoundError(f"blocks has no sample {kind} file like {filename!r}; it has {kinds} samples "
                                f"(in {folder}).")
    return str(alike[0])


def get_image(filename: str | None = None) -> str:
    """The path of a sample image (a JPEG, PNG or GIF; None: any)."""
    return _get_media_path("images", filename)


def get_video(filename: str | None = None) -> str:
    """The path of a sample video (MP4, WebM or AVI, two seconds with a tone)."""
    return _get_media_path("videos", filename)


def get_audio(filename: str | None = None) -> str:
    """The path of a sample audio file (WAV or MP3, a chord of one and a half seconds)."""
    return _get_media_path("audio", filename)


def get_model3d(filename: str | None = None) -> str:
    """The path of a sample 3D model (a cube as OBJ, STL, glTF or GLB)."""
    return _get_media_path("models3d", filename)


def get_file(filename: str | None = None) -> str:
    """The path of a sample data file (CSV of passengers, text, subtitles as SRT/VTT, JSON)."""
    return _get_media_path("data", filename)


__all__ = ["MEDIA_PATHS", "MEDIA_ROOT", "get_audio", "get_file", "get_image", "get_model3d", "get_video"]
