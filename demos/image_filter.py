"""An image filter: numpy in, numpy out. Sepia with a strength slider, or a mirror.

Needs numpy and Pillow: pip install 'blocks[media]'.
"""

import numpy as np

import blocks as gr

SEPIA = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])


def apply(picture: np.ndarray, strength: float, mirror: bool) -> np.ndarray:
    if picture is None:
        raise gr.Error("Upload a picture first.")
    toned = picture @ SEPIA.T
    mixed = (1 - strength) * picture + strength * toned
    result = mixed.clip(0, 255).astype(np.uint8)
    return result[:, ::-1] if mirror else result


with gr.Blocks(title="Image filter") as demo:
    gr.Markdown("# Image filter\nUpload, paste or take a picture; choose how strong the sepia is.")
    with gr.Row():
        original = gr.Image(label="Original", value=gr.get_image("landscape.jpg"))
        filtered = gr.Image(label="Filtered", format="png", interactive=False)
    strength = gr.Slider(0, 1, value=0.8, step=0.05, label="Sepia strength")
    mirror = gr.Checkbox(label="Mirror")
    run = gr.Button("Apply", variant="primary")
    gr.on([run.click, strength.release, mirror.change], apply, [original, strength, mirror], filtered)

if __name__ == "__main__":
    demo.launch()
