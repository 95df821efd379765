"""A classifier-style app: a Label shows the classes of a text, highest confidence first.

A tiny keyword model stands in for a real one. Run with `make run DEMO=demos/classifier.py`.
"""

import blocks as gr

KEYWORDS = {
    "sports": ["match", "goal", "team", "score", "coach", "league"],
    "weather": ["rain", "sun", "storm", "wind", "forecast", "snow"],
    "cooking": ["recipe", "bake", "oven", "salt", "flour", "boil"],
    "music": ["song", "guitar", "album", "band", "concert", "melody"],
}


def classify(text: str, top: int) -> dict[str, float]:
    """The `top` most likely classes: keyword hits plus one, normalised over all classes."""
    words = text.lower().split()
    hits = {label: 1 + sum(word.strip(".,!?") in keys for word in words) for label, keys in KEYWORDS.items()}
    total = sum(hits.values())
    ranked = sorted(hits.items(), key=lambda item: -item[1])[: int(top)]
    return {label: count / total for label, count in ranked}


with gr.Blocks(title="Text classifier") as demo:
    gr.Markdown("# Text classifier\nType a sentence; the label shows what it is about.")
    text = gr.Textbox(label="Text", placeholder="The team scored a late goal")
    top = gr.Slider(1, 4, value=3, step=1, label="Classes to show")
    label = gr.Label(label="Topic")
    picked = gr.Textbox(label="You picked", interactive=False)

    text.submit(classify, [text, top], label)
    gr.Button("Classify", variant="primary").click(classify, [text, top], label)
    top.change(classify, [text, top], label)

    def chosen(evt: gr.SelectData) -> str:
        return f"{evt.value} (class {evt.index + 1})"

    label.select(chosen, None, picked)

if __name__ == "__main__":
    demo.launch()
