"""Makes the sample files behind blocks.media (gradio.media's get_image, get_audio ...): our own,
drawn and synthesized here, a few KB each. Not imported by blocks; run it to remake them:

    python blocks/media_assets/generate.py [path/to/ffmpeg]

Images need Pillow, audio only the standard library; the videos and the MP3 need an ffmpeg binary
(imageio-ffmpeg's works), which blocks itself never needs.
"""

from __future__ import annotations

import csv
import json
import math
import random
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent


def images() -> None:
    from PIL import Image, ImageDraw  # noqa: PLC0415

    out = HERE / "images"
    out.mkdir(exist_ok=True)
    scene = Image.new("RGB", (320, 213))
    draw = ImageDraw.Draw(scene)
    for y in range(213):  # a sky fading into the horizon, a sun, two hills
        draw.line([(0, y), (320, y)], fill=(70 + y // 3, 130 + y // 4, 230 - y // 3))
    draw.ellipse([230, 30, 280, 80], fill=(255, 214, 80))
    draw.ellipse([-80, 140, 200, 330], fill=(60, 140, 70))
    draw.ellipse([120, 150, 420, 360], fill=(40, 110, 55))
    scene.save(out / "sample.jpg", quality=85)
    badge = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
    draw = ImageDraw.Draw(badge)
    draw.ellipse([4, 4, 124, 124], fill=(249, 115, 22, 255))
    draw.rectangle([40, 40, 88, 88], fill=(255, 255, 255, 230))
    badge.save(out / "sample.png")
    frames = []
    for step in range(4):
        frame = Image.new("RGB", (64, 64), (240, 240, 240))
        ImageDraw.Draw(frame).rectangle([step * 14, 22, step * 14 + 20, 42], fill=(37, 99, 235))
        frames.append(frame)
    frames[0].save(out / "sample.gif", save_all=True, append_images=frames[1:], duration=200, loop=0)


def audio() -> Path:
    out = HERE / "audio"
    out.mkdir(exist_ok=True)
    rate, seconds = 16000, 1.5
    samples = []
    for i in range(int(rate * seconds)):  # a C major chord that fades out
        t = i / rate
        level = sum(math.sin(2 * math.pi * f * t) for f in (261.63, 329.63, 392.0)) / 3
        samples.append(int(12000 * level * (1 - t / seconds)))
    with wave.open(str(out / "sample.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return out / "sample.wav"


def media(ffmpeg: str, wav: Path) -> None:
    mp3 = HERE / "audio" / "sample.mp3"
    subprocess.run([ffmpeg, "-y", "-loglevel", "error", "-i", str(wav), "-b:a", "32k", str(mp3)], check=True)
    out = HERE / "videos"
    out.mkdir(exist_ok=True)
    scene = "testsrc2=size=160x120:rate=15:duration=2"
    tone = "sine=frequency=440:duration=2"
    common = [ffmpeg, "-y", "-loglevel", "error", "-f", "lavfi", "-i", scene, "-f", "lavfi", "-i", tone]
    subprocess.run([*common, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "32", "-c:a", "aac", "-b:a", "32k",
                    "-movflags", "+faststart", str(out / "sample.mp4")], check=True)
    subprocess.run([*common, "-c:v", "libvpx-vp9", "-b:v", "60k", "-c:a", "libopus", "-b:a", "24k",
                    str(out / "sample.webm")], check=True)
    small = [ffmpeg, "-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=96x72:rate=10:duration=2",
             "-f", "lavfi", "-i", tone]
    subprocess.run([*small, "-c:v", "mjpeg", "-q:v", "20", "-c:a", "pcm_u8", "-ar", "8000",
                    str(out / "sample.avi")], check=True)


CUBE = [(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0), (0, 0, 1), (1, 0, 1), (1, 1, 1), (0, 1, 1)]
FACES = [(0, 2, 1), (0, 3, 2), (4, 5, 6), (4, 6, 7), (0, 1, 5), (0, 5, 4), (2, 3, 7), (2, 7, 6), (1, 2, 6),
         (1, 6, 5), (0, 4, 7), (0, 7, 3)]


def models() -> None:
    out = HERE / "models3d"
    out.mkdir(exist_ok=True)
    obj = ["# a unit cube", *(f"v {x} {y} {z}" for x, y, z in CUBE),
           *(f"f {a + 1} {b + 1} {c + 1}" for a, b, c in FACES)]
    (out / "sample.obj").write_text("\n".join(obj) + "\n")
    stl = ["solid cube"]
    for face in FACES:
        stl += ["  facet normal 0 0 0", "    outer loop", *[f"      vertex {x} {y} {z}" for x, y, z in
                                                          (CUBE[i] for i in face)], "    endloop", "  endfacet"]
    (out / "sample.stl").write_text("\n".join([*stl, "endsolid cube"]) + "\n")
    positions = b"".join(struct.pack("<3f", *v) for v in CUBE)
    indices = b"".join(struct.pack("<3H", *f) for f in FACES)
    binary = positions + indices
    gltf = {"asset": {"version": "2.0", "generator": "blocks"}, "scene": 0, "scenes": [{"nodes": [0]}],
            "nodes": [{"mesh": 0}], "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [0.98, 0.45, 0.09, 1]}}],
            "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "material": 0}]}],
            "buffers": [{"byteLength": len(binary)}],
            "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": len(positions), "target": 34962},
                            {"buffer": 0, "byteOffset": len(positions), "byteLength": len(indices), "target": 34963}],
            "accessors": [{"bufferView": 0, "componentType": 5126, "count": 8, "type": "VEC3",
                           "min": [0, 0, 0], "max": [1, 1, 1]},
                          {"bufferView": 1, "componentType": 5123, "count": len(FACES) * 3, "type": "SCALAR"}]}
    import base64  # noqa: PLC0415

    embedded = json.loads(json.dumps(gltf))
    embedded["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64.b64encode(binary).decode()
    (out / "sample.gltf").write_text(json.dumps(embedded))
    chunk = json.dumps(gltf).encode()
    chunk += b" " * (-len(chunk) % 4)
    body = binary + b"\0" * (-len(binary) % 4)
    glb = struct.pack("<4sII", b"glTF", 2, 12 + 8 + len(chunk) + 8 + len(body))
    glb += struct.pack("<I4s", len(chunk), b"JSON") + chunk + struct.pack("<I4s", len(body), b"BIN\0") + body
    (out / "sample.glb").write_bytes(glb)


def data() -> None:
    out = HERE / "data"
    out.mkdir(exist_ok=True)
    (out / "sample.txt").write_text("A sample text file from blocks.\nIt has two lines.\n")
    rng = random.Random(7)
    with (out / "sample.csv").open("w", newline="") as handle:  # passengers, in the Titanic table's columns
        writer = csv.writer(handle)
        writer.writerow(["PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket",
                         "Fare", "Cabin", "Embarked"])
        for i in range(1, 61):
            pclass = rng.choice([1, 2, 3, 3])
            sex = rng.choice(["male", "female"])
            writer.writerow([i, int(rng.random() < (0.7 if sex == "female" else 0.25)), pclass, f"Passenger {i}",
                             sex, rng.randint(1, 70), rng.choice([0, 0, 1, 2]), rng.choice([0, 0, 1]),
                             f"T{1000 + i}", round(rng.uniform(7, 120) / pclass, 2),
                             f"C{i}" if pclass == 1 else "", rng.choice("SSSCQ")])
    with (out / "series.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["time", "value", "price"])
        for t in range(1, 11):
            writer.writerow([t, (t * 7) % 11, 4 * t])
    cues = [("00:00:00.000", "00:00:01.000", "One"), ("00:00:01.000", "00:00:02.000", "Two")]
    (out / "sample.vtt").write_text("WEBVTT\n\n" + "\n".join(f"{a} --> {b}\n{t}\n" for a, b, t in cues))
    (out / "sample.srt").write_text("\n".join(f"{i + 1}\n{a.replace('.', ',')} --> {b.replace('.', ',')}\n{t}\n"
                                              for i, (a, b, t) in enumerate(cues)))
    (out / "sample.json").write_text(json.dumps([{"text": t, "timestamp": [i, i + 1]} for i, (_, _, t)
                                                 in enumerate(cues)], indent=1) + "\n")


if __name__ == "__main__":
    images()
    wav = audio()
    if len(sys.argv) > 1:
        media(sys.argv[1], wav)
    models()
    data()
    print(f"samples written under {HERE}; tempdir {tempfile.gettempdir()}")
