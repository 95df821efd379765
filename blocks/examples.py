"""gr.Examples: not a component but a helper that builds a Dataset of example inputs and its listeners.

Clicking a sample fills the inputs (the Dataset's click listener, `load_input_event`); with
`run_on_click` the function then runs; with `cache_examples` its outputs are computed once
(eagerly when the app is served, or lazily on first click) and loaded with the inputs.
"""

from __future__ import annotations

import inspect
import logging
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

from . import context
from .component import Component
from .components.dataset import Dataset
from .errors import BlocksError

log = logging.getLogger("blocks")


def _cache_setting(cache_examples: Any, cache_mode: Any, fn: Any, outputs: Any) -> bool | str:
    """False, True (eager) or "lazy", from the arguments and Gradio's environment variables."""
    if cache_examples is None:  # Gradio's default: the environment decides, given fn and outputs
        wanted = os.environ.get("GRADIO_CACHE_EXAMPLES", "").lower() in ("true", "lazy")
        cache_examples = wanted and fn is not None and outputs is not None
    elif cache_examples not in (True, False):
        raise BlocksError(f"Examples(cache_examples={cache_examples!r}): use True or False (and cache_mode="
                          f"'lazy' to cache on first use).")
    if cache_examples and (fn is None or not outputs):
        raise BlocksError("Examples(cache_examples=True) needs fn= and outputs=: the outputs of fn are what is "
                          "cached.")
    mode = cache_mode or os.environ.get("GRADIO_CACHE_MODE", "eager").lower()
    if mode not in ("eager", "lazy"):
        raise BlocksError(f"Examples(cache_mode={mode!r}): use 'eager' (cache when the app is served) or 'lazy' "
                          f"(cache on first click).")
    return "lazy" if cache_examples and mode == "lazy" else bool(cache_examples)


def _rows(examples: Any, inputs: list[Component]) -> list[list[Any]]:
    if isinstance(examples, str):
        raise BlocksError(f"Examples(examples={examples!r}): a directory of examples is not supported yet; give "
                          f"a list of examples, each a list with one value per input.")
    if not isinstance(examples, (list, tuple)):
        raise BlocksError(f"Examples(examples={examples!r}): give a list of examples, each a list with one value "
                          f"per input.")
    if examples and not isinstance(examples[0], (list, tuple)):
        if len(inputs) != 1:
            raise BlocksError(f"Examples(): example 0 is {examples[0]!r}, not a list, but there are {len(inputs)} "
                              f"inputs; give each example as a list with one value per input.")
        examples = [[example] for example in examples]
    rows = [list(row) if isinstance(row, (list, tuple)) else [row] for row in examples]
    uneven = next((index for index, row in enumerate(rows) if len(row) != len(inputs)), None)
    if uneven is not None:  # Gradio builds it: missing values are None, extra ones ignored (fraud_detector)
        log.warning("Examples(): example %d has %d values but there are %d inputs (%s): as in Gradio, a missing "
                    "value is None and an extra one is ignored; give one value per input.", uneven,
                    len(rows[uneven]), len(inputs), ", ".join(c.describe() for c in inputs))
    return [(row + [None] * len(inputs))[:len(inputs)] for row in rows]


def _columns(visible_columns: Any, count: int) -> list[int]:
    """The input positions the table shows, in input order (every one by default)."""
    if visible_columns is None:
        return list(range(count))
    if not isinstance(visible_columns, (list, tuple)) or not visible_columns or any(
            isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < count for i in visible_columns):
        raise BlocksError(f"Examples(visible_columns={visible_columns!r}): give a non-empty list of input positions, "
                          f"each from 0 to {count - 1}.")
    return sorted(set(visible_columns))


def _check_labels_and_run(example_labels: Any, count: int, run_on_click: bool, fn: Any) -> None:
    if example_labels is not None and len(example_labels) != count:
        raise BlocksError(f"Examples(example_labels=...): {len(example_labels)} labels for {count} examples; give "
                          f"one label per example.")
    if run_on_click and fn is None:
        raise BlocksError("Examples(run_on_click=True) needs fn= (and outputs=): the function run when an example "
                          "is clicked.")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, Sequence) and not isinstance(value, str) else [value]


def _call(fn: Callable[..., Any], args: list[Any]) -> Any:
    """Run fn to completion as caching does: a generator's last value, an async function awaited."""
    if inspect.isasyncgenfunction(fn):
        async def drain_async() -> Any:
            last = None
            async for value in fn(*args):
                last = value
            return last
        return _run_coroutine(drain_async())
    result = fn(*args)
    if inspect.iscoroutine(result):
        return _run_coroutine(result)
    if inspect.isgenerator(result):
        last = None
        for value in result:
            last = value
        return last
    return result


def _run_coroutine(coroutine: Any) -> Any:
    import asyncio  # noqa: PLC0415 - only for an async fn's examples: `import blocks` stays without asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    box: list[Any] = []  # a loop is running here (a gr.render, a lazy cache): use a thread of its own
    thread = threading.Thread(target=lambda: box.append(asyncio.run(coroutine)))
    thread.start()
    thread.join()
    return box[0]


class Examples:
    """Example inputs shown as a clickable Dataset; clicking one fills the inputs.

    Args:
        examples: a list of examples, each a list with one value per input (a flat list for one input).
        inputs: the components the examples fill.
        outputs, fn: what `run_on_click` runs, and what caching stores.
        cache_examples: store fn's outputs for each example (None: GRADIO_CACHE_EXAMPLES decides).
        cache_mode: "eager" (when the app is served: launch, mount) or "lazy" (on first click; GRADIO_CACHE_MODE).
        visible_columns: the input positions the table shows; a click still fills every input.
        preload: with eager caching, the example loaded when a page opens (False for none), as long as
            no input was given a value.
    """

    def __init__(self, examples: Any, inputs: Any, outputs: Any = None, fn: Callable[..., Any] | None = None,
                 cache_examples: bool | None = None, cache_mode: str | None = None, examples_per_page: int = 10,
                 _api_mode: bool = False, label: str | None = "Examples", elem_id: str | None = None,
                 run_on_click: bool = False, preprocess: bool = True, postprocess: bool = True,
                 api_visibility: str = "undocumented", api_name: str | None = "load_example",
                 api_description: Any = None, batch: bool = False, *, example_labels: list[str] | None = None,
                 visible_columns: list[int] | None = None, visible: bool | str = True, preload: int | bool = 0,
                 _initiated_directly: bool = True):
        self.inputs: list[Component] = _as_list(inputs)
        self.outputs: list[Component] = _as_list(outputs)
        if not self.inputs:
            raise BlocksError("Examples(inputs=...): give the components the examples fill.")
        self.examples = _rows(examples, self.inputs)
        _check_labels_and_run(example_labels, len(self.examples), run_on_click, fn)
        self.visible_columns = _columns(visible_columns, len(self.inputs))
        self.fn, self.batch, self.preload = fn, batch, preload
        self.preprocess, self.postprocess = preprocess, postprocess
        self.cache_examples = _cache_setting(cache_examples, cache_mode, fn, self.outputs)
        self.cached: dict[int, Any] = {}  # example index -> fn's return value
        self._cache_lock = threading.Lock()
        shown = self.visible_columns
        self.visible_examples = [[row[i] for i in shown] for row in self.examples]
        self.dataset = Dataset(components=[self.inputs[i] for i in shown], samples=self.visible_examples,
                               type="tuple", label=label, samples_per_page=examples_per_page, elem_id=elem_id,
                               visible=visible, sample_labels=example_labels)
        self.api_name, self.api_visibility, self.api_description = api_name, api_visibility, api_description
        self.load_input_event: Any = None  # the Dataset's click listener that fills the inputs
        self.cache_event: Any = None  # with caching: the listener after it that loads the cached outputs
        if context.current_blocks() is not None:
            self._listen(run_on_click)
        else:
            log.warning("gr.Examples() outside a gr.Blocks: nothing shows it and clicks do nothing; create it "
                        "inside 'with gr.Blocks()'.")

    def _listen(self, run_on_click: bool) -> None:
        api = {"api_name": self.api_name, "api_visibility": self.api_visibility,
               "api_description": self.api_description}
        if not self.cache_examples:
            self.load_input_event = self.dataset.click(self._load, [self.dataset], self.inputs,
                                                       show_progress="hidden", queue=False, **api)
            if run_on_click and self.fn is not None:
                self.load_input_event.then(self.fn, self.inputs, self.outputs, api_visibility="undocumented",
                                           preprocess=self.preprocess)
            return
        # As Gradio: the inputs first, then the cached outputs (cached already postprocessed when
        # postprocess=True, so they are not postprocessed again).
        self.load_input_event = self.dataset.click(self._load, [self.dataset], self.inputs, show_progress="hidden",
                                                   queue=False, api_visibility="undocumented", api_name=False)
        self.cache_event = self.load_input_event.then(self._load_outputs, [self.dataset], self.outputs,
                                                      postprocess=False, **api)
        if self.cache_examples is True:  # as Gradio: when the app is served (a render's: now)
            startup = getattr(context.current_blocks(), "startup_jobs", None)
            startup.append(self._cache_all) if startup is not None else self._cache_all()
            self._preload()

    def _load(self, chosen: tuple[int, list[Any]] | None) -> Any:
        """The clicked sample's value for each input: the example (hidden columns included) or, when
        the samples were changed by returning gr.Dataset(samples=...), the sample shown."""
        keep = {"__type__": "update"}
        if chosen is None:
            values: list[Any] = [keep] * len(self.inputs)
        else:
            index, sample = chosen
            if index < len(self.examples) and sample == self.visible_examples[index]:
                values = self.examples[index]
            elif len(sample) == len(self.inputs):
                values = sample
            else:  # a new sample of the visible columns only: the hidden inputs keep their values
                values = [keep] * len(self.inputs)
                for position, value in zip(self.visible_columns, sample):
                    values[position] = value
        return values if len(values) > 1 else values[0]

    def _load_outputs(self, chosen: tuple[int, list[Any]] | None) -> Any:
        index = None if chosen is None else chosen[0]
        if index is None or index >= len(self.examples):
            return [{"__type__": "update"}] * len(self.outputs) if len(self.outputs) > 1 else {"__type__": "update"}
        outputs = self.cached_outputs(index)
        return outputs if len(outputs) > 1 else outputs[0]

    def cached_outputs(self, index: int) -> list[Any]:
        """The outputs fn gave for example `index`, running it the first time (lazy caching)."""
        with self._cache_lock:
            if index not in self.cached:
                self.cached[index] = self._outputs(self._predict(index))
        return self.cached[index]

    def _outputs(self, result: Any) -> list[Any]:
        """fn's return value as one value per output, postprocessed unless postprocess=False."""
        if len(self.outputs) == 1:
            values = [result]
        elif isinstance(result, dict) and all(isinstance(k, Component) for k in result):
            values = [result.get(c, {"__type__": "update"}) for c in self.outputs]  # left out: kept
        else:
            values = list(result)
        if not self.postprocess:
            return values
        return [v if isinstance(v, dict) and v.get("__type__") == "update" else c.postprocess(v)
                for c, v in zip(self.outputs, values)]

    def _predict(self, index: int) -> Any:
        """fn's return value for example `index`, given what a click on it would pass."""
        assert self.fn is not None  # noqa: S101 - checked when built
        args = [c.preprocess(c.postprocess(v)) if self.preprocess else v
                for c, v in zip(self.inputs, self.examples[index])]
        if self.batch:
            result = _call(self.fn, [[arg] for arg in args])
            return result[0] if len(self.outputs) == 1 else [values[0] for values in result]
        return _call(self.fn, args)

    def _cache_all(self) -> None:
        for index in range(len(self.examples)):
            self.cached_outputs(index)

    def _preload(self) -> None:
        """As Gradio: a page opens with an example and its cached outputs, unless an input has a value."""
        blocks = context.current_blocks()
        if self.preload is False or self.preload is None or blocks is None or not hasattr(blocks, "title"):
            return
        if any("value" in c.explicit_args for c in self.inputs) or not self.examples:
            return
        index = int(self.preload)
        if not 0 <= index < len(self.examples):
            raise BlocksError(f"Examples(preload={self.preload!r}): there are {len(self.examples)} examples; give "
                              f"the position of one, or preload=False.")
        chosen = (index, self.visible_examples[index])
        loaded = blocks.load(lambda: self._load(chosen), None, self.inputs, show_progress="hidden", queue=False,
                             api_name=False)
        loaded.then(lambda: self._load_outputs(chosen), None, self.outputs, show_progress="hidden",
                    postprocess=False, api_name=False)


__all__ = ["Examples"]
