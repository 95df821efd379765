"""An audio reverser: upload or record a sound, hear it backwards (numpy in, numpy out).

The callback gets (sample_rate, samples) and returns the samples reversed; a speed slider
resamples by dropping or repeating samples. Run with `make run DEMO=demos/audio_reverser.py`.
"""

import numpy as np

import blocks as gr


def reverse(audio: tuple[int, np.ndarray] | None, speed: float) -> tuple[int, np.ndarray] | None:
    """The sound backwards, `speed` times as fast (the sample rate is kept)."""
    if audio is None:
        raise gr.Error("Upload or record a sound first.")
    rate, samples = audio
    backwards = samples[::-1]
    if speed != 1:
        picks = np.arange(0, len(backwards), speed).astype(int)
        backwards = backwards[picks]
    return rate, backwards


def describe(audio: tuple[int, np.ndarray] | None) -> str:
    if audio is None:
        return ""
    rate, samples = audio
    channels = 1 if samples.ndim == 1 else samples.shape[1]
    return f"{len(samples) / rate:.2f} s at {rate} Hz, {channels} channel{'s' * (channels > 1)}"


with gr.Blocks(title="Audio reverser") as demo:
    gr.Markdown("# Audio reverser\nUpload a WAV file or record from your microphone; hear it backwards.")
    with gr.Row():
        with gr.Column():
            sound = gr.Audio(label="Your sound", sources=["upload", "microphone"], type="numpy")
            speed = gr.Slider(0.5, 2, value=1, step=0.25, label="Speed")
            go = gr.Button("Reverse", variant="primary")
        with gr.Column():
            backwards = gr.Audio(label="Backwards", interactive=False)
            info = gr.Textbox(label="Input", interactive=False)
    sound.change(describe, sound, info)
    go.click(reverse, [sound, speed], backwards)
    sound.stop_recording(reverse, [sound, speed], backwards)

if __name__ == "__main__":
    demo.launch()
