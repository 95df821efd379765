"""Audio values in and out of callbacks (gr.Audio): WAV written and read with the stdlib `wave`.

Out: a `(sample_rate, ndarray)` tuple (shape (n,) or (n, channels); integer samples rescaled to
16 bits, float samples scaled so the loudest is full scale, as Gradio does) becomes a 16-bit PCM
WAV file in the cache; bytes are kept as they are; paths, URLs and FileData pass through.
In: a cached file becomes `(sample_rate, int16 ndarray)` for type="numpy" (PCM WAV only: there
is no decoder for other formats without ffmpeg) or stays a path for type="filepath".
numpy is imported only here, and only when such a value passes (blocks[media]).
"""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

from ..errors import InvalidValueError
from ..extras import loaded, require
from . import cache


def _as_int16(samples: Any, where: str) -> Any:
    np = require("numpy", where)
    data = np.asarray(samples)
    if data.ndim not in (1, 2):
        raise InvalidValueError(f"{where} returned samples of shape {data.shape}; audio is (samples,) or "
                                f"(samples, channels).")
    if np.issubdtype(data.dtype, np.floating):  # as Gradio: scaled so that the loudest sample is full scale
        peak = float(np.abs(data).max()) if data.size else 0.0
        return np.zeros(data.shape, np.int16) if peak == 0 else (data / peak * 32767).astype(np.int16)
    shifts = {np.dtype(np.int32): lambda d: d // 65536, np.dtype(np.uint16): lambda d: d.astype(np.int32) - 32768,
              np.dtype(np.uint8): lambda d: d.astype(np.int32) * 257 - 32768,
              np.dtype(np.int8): lambda d: d.astype(np.int16) * 256}
    if data.dtype in shifts:
        return shifts[data.dtype](data).astype(np.int16)
    if not np.issubdtype(data.dtype, np.integer):
        raise InvalidValueError(f"{where} returned {data.dtype} samples; return int16, another integer or float "
                                f"samples.")
    return data.clip(-32768, 32767).astype(np.int16)


def wav_bytes(sample_rate: int, samples: Any, where: str) -> bytes:
    """A `(sample_rate, samples)` pair as the bytes of a 16-bit PCM WAV file."""
    data = _as_int16(samples, where)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1 if data.ndim == 1 else data.shape[1])
        out.setsampwidth(2)
        out.setframerate(int(sample_rate))
        out.writeframes(data.astype("<i2").tobytes())
    return buffer.getvalue()


def to_file(value: Any, where: str) -> Any:
    """A returned audio value as something files/values.to_payload takes."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], (int, float)) \
            and not isinstance(value[1], (str, Path)):
        return cache.store_bytes(wav_bytes(int(value[0]), value[1], where), "audio.wav")
    np = loaded("numpy")
    if np is not None and isinstance(value, np.ndarray):
        raise InvalidValueError(f"{where} returned a bare array; return (sample_rate, array), e.g. (44100, samples).")
    if isinstance(value, (bytes, bytearray)):
        return cache.store_bytes(bytes(value), f"audio.{_sniff(bytes(value))}")
    return value


def _sniff(data: bytes) -> str:
    signatures = {b"RIFF": "wav", b"ID3": "mp3", b"\xff\xfb": "mp3", b"OggS": "ogg", b"fLaC": "flac",
                  b"\x1aE\xdf\xa3": "webm"}
    return next((ext for magic, ext in signatures.items() if data.startswith(magic)), "wav")


def read_wav(path: str, where: str) -> tuple[int, Any]:
    """A PCM WAV file as (sample_rate, int16 array of shape (n,) or (n, channels))."""
    np = require("numpy", where)
    try:
        with wave.open(path, "rb") as source:
            rate, channels, width = source.getframerate(), source.getnchannels(), source.getsampwidth()
            frames = source.readframes(source.getnframes())
    except (wave.Error, EOFError) as error:
        kind = Path(path).suffix.lstrip(".") or "this"
        raise InvalidValueError(
            f"{where}: cannot decode {kind!r} audio for type='numpy' ({error}); blocks decodes PCM WAV only "
            f"(there is no ffmpeg). Upload a .wav file, or use gr.Audio(type='filepath') to get the file's path, "
            f"which works for any format.") from None
    dtypes = {1: np.uint8, 2: "<i2", 4: "<i4"}
    if width not in dtypes:
        raise InvalidValueError(f"{where}: {width * 8}-bit WAV is not supported for type='numpy'; use 16-bit PCM "
                                f"or type='filepath'.")
    data = np.frombuffer(frames, dtype=dtypes[width])
    data = data.astype(np.int16) if width == 2 else _as_int16(data, where)
    return rate, (data.reshape(-1, channels) if channels > 1 else data)


def from_file(path: str, audio_type: str, where: str) -> Any:
    """A received audio file as the function's argument for `audio_type` ("numpy" or "filepath")."""
    return path if audio_type == "filepath" else read_wav(path, where)
