"""Two gr.Interfaces in a gr.TabbedInterface: word statistics (examples, a Label) and a typewriter that
streams a sentence letter by letter (a generator: Stop cancels it).

Run with `make run DEMO=demos/interface_word_tools.py`.
"""

import time

import blocks as gr


def word_stats(text: str, top: int) -> tuple[dict[str, float], int]:
    """The `top` most frequent words (as shares of all words) and the number of words."""
    words = [w.strip(".,!?;:").lower() for w in text.split()]
    words = [w for w in words if w]
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: int(top)]
    return {word: count / len(words) for word, count in ranked}, len(words)


def typewriter(sentence: str, delay: float):
    """The sentence, one more letter at a time."""
    for end in range(1, len(sentence) + 1):
        time.sleep(delay)
        yield sentence[:end]


stats = gr.Interface(
    word_stats,
    [gr.Textbox(label="Text", lines=3), gr.Slider(1, 5, value=3, step=1, label="Top words")],
    [gr.Label(label="Most frequent"), gr.Number(label="Words")],
    examples=[["the cat and the hat and the bat", 2], ["to be or not to be", 3]],
    title="Word statistics",
    description="Paste some text: the most frequent words and how many there are.",
    api_name="word_stats",
)
writer = gr.Interface(
    typewriter,
    [gr.Textbox(label="Sentence", value="Hello from blocks!"), gr.Number(label="Delay (s)", value=0.2)],
    gr.Textbox(label="Typed"),
    title="Typewriter",
    article="A generator streams each value it yields; **Stop** ends it.",
    api_name="typewriter",
)
demo = gr.TabbedInterface([stats, writer], ["Statistics", "Typewriter"], title="Word tools")

if __name__ == "__main__":
    demo.launch()
