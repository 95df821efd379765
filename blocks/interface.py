"""gr.Interface: a Blocks built from a function, its inputs and its outputs, laid out as Gradio's.

Not a second framework: the constructor builds, inside `with self:`, a title (an h1), the description,
a Row with the inputs' Column (Clear, Submit and, for a generator, a hidden Stop button) and the
outputs' Column, the examples (gr.Examples) and the article, and attaches ordinary listeners.
"""

from __future__ import annotations

import inspect
import logging
import os
from collections.abc import Callable
from typing import Any

from . import context
from .app import Blocks
from .components import Button, ClearButton, DeepLinkButton, DuplicateButton, Markdown
from .errors import BlocksError
from .events import on
from .examples import Examples
from .flagging import CSVLogger, FlagMethod
from .layout import Accordion, Column, Row
from .request import EventData, Request
from .shortcuts import components
from .state import State

log = logging.getLogger("blocks")
FLAGGING_MODES = ("never", "manual", "auto")
_SPECIAL_PARAMETERS = (Request, EventData)


def _parameter_labels(fn: Callable[..., Any]) -> list[str]:
    """fn's parameter names, as labels for inputs that have none (gr.Request, gr.Progress left out)."""
    try:
        parameters = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return []
    names = []
    for parameter in parameters:
        annotation = parameter.annotation
        special = isinstance(annotation, type) and issubclass(annotation, _SPECIAL_PARAMETERS)
        if special or type(parameter.default).__name__ == "Progress" or parameter.kind in (
                parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        names.append(parameter.name)
    return names


def _button(spec: Any, where: str, **defaults: Any) -> Button:
    """A button from a label or a gr.Button (its label and look kept), unrendered."""
    if isinstance(spec, Button):
        return spec
    if isinstance(spec, str):
        return Button(spec, render=False, **defaults)
    raise BlocksError(f"Interface({where}={spec!r}): give the button's label (a string) or a gr.Button.")


def _deep_link_button(spec: Any) -> DeepLinkButton | None:
    """Interface(deep_link=): True or a label makes a Share via Link button (disabled until the first run,
    as Gradio's), a gr.DeepLinkButton is used as given; on a Hugging Face Space None means True."""
    if spec is None and os.environ.get("SYSTEM") == "spaces":
        spec = True
    if isinstance(spec, DeepLinkButton):
        return spec
    if spec is True or isinstance(spec, str):
        return DeepLinkButton(**({} if spec is True else {"value": spec}), render=False, interactive=False)
    if spec in (None, False):
        return None
    raise BlocksError(f"Interface(deep_link={spec!r}): give True, a button label, or a gr.DeepLinkButton.")


def _flagging(mode: Any) -> str:
    mode = mode if mode is not None else os.environ.get("GRADIO_FLAGGING_MODE", "manual")
    if mode not in FLAGGING_MODES:
        raise BlocksError(f"Interface(flagging_mode={mode!r}): use 'never', 'manual' or 'auto'.")
    return str(mode)


def _flagging_options(options: Any) -> list[tuple[str, str | None]]:
    """Gradio's forms: None (one "Flag" button), ["X", ...] ("Flag as X") or [(label, value), ...]."""
    if options is None:
        return [("Flag", None)]
    if isinstance(options, list) and all(isinstance(o, str) for o in options):
        return [(f"Flag as {o}", o) for o in options]
    if isinstance(options, list) and all(isinstance(o, tuple) and len(o) == 2 and isinstance(o[0], str)
                                         and (o[1] is None or isinstance(o[1], str)) for o in options):
        return list(options)
    raise BlocksError(f"Interface(flagging_options={options!r}): give a list of strings, or of (label, value) "
                      f"string pairs.")


def _batched(fn: Callable[..., Any], output_count: int) -> Callable[..., Any]:
    """fn(batch=True) called with batches of one, so it sees lists and returns lists, as Gradio's."""
    def run_one(*args: Any) -> Any:
        firsts = [values[0] for values in fn(*[[arg] for arg in args])]  # one list per output
        return firsts[0] if output_count == 1 else tuple(firsts)
    return run_one


class Interface(Blocks):
    """A whole app from one function: `gr.Interface(fn, "text", "text").launch()`.

    Args:
        fn: the function run on Submit (or on every change with live=True); a generator streams.
        inputs, outputs: components, Gradio's shortcut names ("text", "number", ...), lists of them, or None.
        examples: example inputs (a list of lists), shown below as gr.Examples.
        live: run fn whenever an input changes; there is no Submit button.
        title, description, article: an h1 above, Markdown below it, Markdown below everything.
        submit_btn, stop_btn, clear_btn: a label or a gr.Button (clear_btn=None: no Clear button).
        additional_inputs: more inputs, in an Accordion ("Additional Inputs", closed) below the inputs.
        flagging_mode: "manual" (a Flag button per flagging option; GRADIO_FLAGGING_MODE's value if set),
            "auto" (every submission flagged) or "never".
        flagging_options, flagging_dir, flagging_callback: the Flag buttons, where flags are saved
            (.gradio/flagged/dataset1.csv), how (gr.CSVLogger by default).
        **kwargs: passed to gr.Blocks (theme, css, js, head, fill_height ...).
    """

    def __init__(self, fn: Callable[..., Any], inputs: Any, outputs: Any, examples: Any = None, *,
                 cache_examples: bool | None = None, cache_mode: str | None = None, examples_per_page: int = 10,
                 example_labels: list[str] | None = None, preload_example: int | bool = 0, live: bool = False,
                 title: str | None = None, description: str | None = None, article: str | None = None,
                 flagging_mode: str | None = None, flagging_options: Any = None, flagging_dir: str = ".gradio/flagged",
                 flagging_callback: Any = None, analytics_enabled: bool | None = None, batch: bool = False,
                 max_batch_size: int = 4, api_visibility: str = "public", api_name: str | None = None,
                 api_description: Any = None, _api_mode: bool = False, allow_duplication: bool = False,
                 concurrency_limit: int | None | str = "default", additional_inputs: Any = None,
                 additional_inputs_accordion: str | Accordion | None = None, submit_btn: str | Button = "Submit",
                 stop_btn: str | Button = "Stop", clear_btn: str | Button | None = "Clear",
                 delete_cache: tuple[int, int] | None = None, show_progress: str = "full", fill_width: bool = False,
                 time_limit: int | None = 30, stream_every: float = 0.5, deep_link: Any = None,
                 validator: Callable[..., Any] | None = None, **kwargs: Any):
        super().__init__(title=title or "Gradio", delete_cache=delete_cache, fill_width=fill_width, **kwargs)
        if not callable(fn):
            raise BlocksError(f"Interface(fn={fn!r}): give the function to run, e.g. gr.Interface(greet, 'text', "
                              f"'text').")
        self.fn, self.live, self.api_mode = fn, bool(live), _api_mode
        self.interface_title, self.description, self.article = title, description, article
        self.flagging_mode = _flagging(flagging_mode)
        self.flagging_options = _flagging_options(flagging_options)
        self.flagging_callback = flagging_callback if flagging_callback is not None else CSVLogger()
        self.flagging_dir = flagging_dir
        self.flag_btns: list[Button] = []
        if batch:
            log.warning("Interface(batch=True, max_batch_size=%s): batching is not supported yet; fn is called "
                        "with batches of one input each.", max_batch_size)
        self.deep_link = _deep_link_button(deep_link)
        self.allow_duplication = allow_duplication
        self.main_input_components = components(inputs, "Interface(inputs=...)")
        self.additional_input_components = components(additional_inputs, "Interface(additional_inputs=...)")
        self.input_components = self.main_input_components + self.additional_input_components
        self.output_components = components(outputs, "Interface(outputs=...)")
        self._pair_states()
        self._label(fn)
        # As Gradio's, outputs are not editable unless told so (the Flag listener reads them as inputs).
        for output in self.output_components:
            if getattr(output, "interactive", False) is None and output not in self.input_components:
                output.interactive = False
        if self.flagging_mode != "never" and self.interface_type != "input_only":
            self.flagging_callback.setup(self._flagged_components(), flagging_dir)
        self.listener_options = {
            "api_name": api_name, "api_visibility": api_visibility, "api_description": api_description,
            "show_progress": show_progress, "validator": validator, "preprocess": not _api_mode,
            "postprocess": not _api_mode,  # time_limit/stream_every: Gradio's are for .stream() events only
            **({} if concurrency_limit == "default" else {"concurrency_limit": concurrency_limit})}
        self.run = _batched(fn, len(self.output_components)) if batch else fn
        self.is_generator = inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
        self.submit_btn = _button(submit_btn, "submit_btn", variant="primary")
        self.stop_btn = _button(stop_btn, "stop_btn", variant="stop", visible=False)
        self.clear_btn: ClearButton | None = None if clear_btn is None else ClearButton(
            value=clear_btn.value if isinstance(clear_btn, Button) else _button(clear_btn, "clear_btn").value,
            render=False)
        self.examples_handler: Examples | None = None
        outer = context.current_blocks()
        token = context.open_root(self)  # built as an app of its own, even inside a `with gr.Blocks()`
        try:
            self._build(additional_inputs_accordion)
            if examples is not None:
                self._examples(examples, cache_examples, cache_mode, examples_per_page, example_labels,
                               preload_example, batch)
            if article:
                Markdown(article)
        finally:
            context.close_root(token)
        self.validate()
        if outer is not None:  # as Gradio: an Interface made inside a Blocks shows there
            self.render()

    # -- building ------------------------------------------------------------
    def _pair_states(self) -> None:
        """As Gradio: a "state" input and a "state" output are one gr.State."""
        in_states = [c for c in self.input_components if isinstance(c, State)]
        out_states = [i for i, c in enumerate(self.output_components) if isinstance(c, State)]
        if len(in_states) > 1 or len(out_states) > 1:
            raise BlocksError("Interface(): with 'state', give exactly one state input and one state output.")
        if in_states and out_states:
            self.output_components[out_states[0]] = in_states[0]

    def _label(self, fn: Callable[..., Any]) -> None:
        for component, name in zip(self.input_components, _parameter_labels(fn)):
            if not isinstance(component, State) and component.label is None:
                component.label = name
        outputs = [c for c in self.output_components if not isinstance(c, State)]
        for index, component in enumerate(outputs):
            if component.label is None:
                component.label = "output" if len(outputs) == 1 else f"output {index}"

    def _flagged_components(self) -> list[Any]:
        if self.interface_type == "unified":
            return list(self.input_components)
        return self.input_components + self.output_components

    @property
    def interface_type(self) -> str:
        """Gradio's: "standard", "input_only" (no outputs), "output_only" (no inputs) or "unified"."""
        if not self.output_components:
            return "input_only"
        if not self.input_components:
            return "output_only"
        if self.input_components == self.output_components:
            return "unified"
        return "standard"

    def _build(self, accordion: str | Accordion | None) -> None:
        if self.interface_title:
            Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{self.interface_title}</h1>")
        if self.description:
            Markdown(self.description)
        kind = self.interface_type
        with Row():
            if kind != "output_only":
                with Column():
                    for component in self.main_input_components:
                        component.render()
                    if self.additional_input_components:
                        self._additional(accordion)
                    with Row():
                        self._buttons(stop=self.is_generator and not self.live, submit=not self.live,
                                      share=kind in ("input_only", "unified"))
                        if kind == "unified":
                            self._flag_buttons()
            if kind in ("standard", "output_only"):
                with Column():
                    for component in self.output_components:
                        if not component.blocks:
                            component.render()
                    with Row():
                        if self.deep_link is not None:
                            self.deep_link.render()
                        if kind == "output_only":
                            self.submit_btn.value = "Generate"
                            self._buttons(stop=self.is_generator and not self.live, submit=True)
                        self._flag_buttons()
                        if self.allow_duplication:
                            DuplicateButton(scale=1, size="lg")
        self._listen()

    def _additional(self, accordion: str | Accordion | None) -> None:
        holder: Accordion
        if isinstance(accordion, Accordion):
            holder = accordion
            accordion.render()
        else:
            holder = Accordion(label=accordion or "Additional Inputs", open=False)
        with holder:
            for component in self.additional_input_components:
                component.render()

    def _flag_buttons(self) -> None:
        if self.flagging_mode == "manual":
            self.flag_btns = [Button(label) for label, _ in self.flagging_options]

    def _listen_flagging(self, submitted: Any) -> None:
        """As Gradio: each Flag button shows "Saving...", saves, then its label again (Clear resets it);
        with "auto", every successful submission is saved."""
        if self.flagging_mode == "never" or self.interface_type == "input_only":
            return
        flagged = self._flagged_components()
        if self.flagging_mode == "auto":
            if submitted is not None:
                submitted.success(FlagMethod(self.flagging_callback, "", None, visual_feedback=False), flagged,
                                  None, preprocess=False, queue=False, api_visibility="undocumented")
            return
        for button, (label, value) in zip(self.flag_btns, self.flagging_options):
            method = FlagMethod(self.flagging_callback, label, value)
            button.click(lambda: Button(value="Saving...", interactive=False), None, button, queue=False,
                         api_visibility="undocumented")
            button.click(method, flagged, button, preprocess=False, queue=False, api_visibility="undocumented")
            if self.clear_btn is not None:
                self.clear_btn.click(method.reset, None, button, queue=False, api_visibility="undocumented")

    def _buttons(self, stop: bool, submit: bool, share: bool = False) -> None:
        """Clear, Submit, Stop; as in Gradio, the deep link button (when `share`) goes before Submit in an
        input-only Interface and after it in a unified one."""
        if self.clear_btn is not None:
            self.clear_btn.render()
        if share and self.deep_link is not None and self.interface_type == "input_only" and not self.live:
            self.deep_link.render()
        if submit:
            self.submit_btn.render()
        if share and self.deep_link is not None and self.interface_type == "unified":
            self.deep_link.render()
        if stop:
            self.stop_btn.render()

    def _shareable(self, run: Any) -> Any:
        """As Gradio: the deep link button is usable once there is something to share (a first run)."""
        if run is not None and self.deep_link is not None:
            run.then(lambda: DeepLinkButton(interactive=True), None, self.deep_link, queue=False,
                     api_visibility="undocumented")
        return run

    def _listen(self) -> None:
        targets = [c for c in dict.fromkeys(self.input_components + self.output_components)]
        if self.clear_btn is not None:
            self.clear_btn.add(targets)
        if self.live and self.interface_type != "output_only":
            triggers = [c.change for c in self.input_components if "change" in getattr(c, "events", ())]
            self._listen_flagging(self._shareable(on(triggers, self.run, self.input_components,
                                                     self.output_components, trigger_mode="always_last",
                                                     **self.listener_options)))
            return
        if self.live:  # output only: run when the page opens, and on Generate
            self.load(self.run, None, self.output_components, api_name=False)
        triggers = [self.submit_btn.click] + [c.submit for c in self.input_components
                                              if "submit" in getattr(c, "events", ())]
        if not self.stop_btn.blocks:
            self._listen_flagging(self._shareable(on(triggers, self.run, self.input_components,
                                                     self.output_components, scroll_to_output=True,
                                                     **self.listener_options)))
            return
        buttons = [self.submit_btn, self.stop_btn]
        predict = on(triggers, lambda: (Button(visible=False), Button(visible=True)), None, buttons, queue=False,
                     api_visibility="undocumented").then(
            self.run, self.input_components, self.output_components, scroll_to_output=True,
            **self.listener_options)
        predict.then(self._restore_buttons, None, buttons, queue=False, api_visibility="undocumented")
        self._shareable(predict)
        self._listen_flagging(predict)
        self.stop_btn.click(self._restore_buttons, None, buttons, cancels=predict, queue=False,
                            api_visibility="undocumented")

    @staticmethod
    def _restore_buttons() -> tuple[Button, Button]:
        return Button(visible=True), Button(visible=False)

    def _examples(self, examples: Any, cache_examples: bool | None, cache_mode: str | None, per_page: int,
                  labels: list[str] | None, preload: int | bool, batch: bool) -> None:
        inputs = [c for c in self.input_components if not isinstance(c, State)]
        outputs = [c for c in self.output_components if not isinstance(c, State)]
        main = sum(not isinstance(c, State) for c in self.main_input_components)
        shown = list(range(main)) if self.additional_input_components and main else None
        if examples and isinstance(examples, list) and not isinstance(examples[0], (list, tuple)) and len(inputs) > 1:
            raise BlocksError(f"Interface(examples=...): example 0 is {examples[0]!r}, but there are {len(inputs)} "
                              f"inputs; give each example as a list with one value per input.")
        self.examples_handler = Examples(examples, inputs, outputs, fn=self.fn, cache_examples=cache_examples,
                                         cache_mode=cache_mode, examples_per_page=per_page, batch=batch,
                                         example_labels=labels, visible_columns=shown, preload=preload)
        self._shareable(self.examples_handler.cache_event)

    # -- Gradio's other ways in ----------------------------------------------
    @classmethod
    def from_pipeline(cls, pipeline: Any, **kwargs: Any) -> Interface:
        """Not supported: blocks has no transformers / diffusers integration."""
        raise BlocksError("gr.Interface.from_pipeline() is not supported by blocks; write the function that calls "
                          "the pipeline and pass it as gr.Interface(fn, inputs, outputs).")

    def __repr__(self) -> str:
        name = getattr(self.fn, "__name__", "fn")
        inputs = "".join(f"\n|-{c.describe()}" for c in self.input_components)
        outputs = "".join(f"\n|-{c.describe()}" for c in self.output_components)
        return f"Interface for: {name}\ninputs:{inputs}\noutputs:{outputs}"
