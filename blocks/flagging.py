"""Flagging: saving what a user flags (inputs and outputs) as a row of a CSV file.

gr.FlaggingCallback is the contract (setup once, then flag(values) per click), gr.CSVLogger
the default one (flagging_dir/dataset1.csv with a header of the components' labels, a new
dataset2.csv when the labels change), gr.SimpleCSVLogger a headerless log.csv. Files in flagged
values are copied into a folder named after their component beside the CSV. Values are written
as the page sends them (the listener runs with preprocess=False), as Gradio's are.
"""

from __future__ import annotations

import csv
import datetime
import json
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .components import Button
from .errors import BlocksError
from .files.access import FileRules
from .files.values import from_payload
from .request import Request

_UNSAFE_START = ("=", "+", "-", "@", "\t", "\n")
_UNSAFE_INSIDE = (",=", ",+", ",-", ",@", ",\t", ",\n")


def csv_safe(value: Any) -> Any:
    """A cell that a spreadsheet will not run as a formula (OWASP's CSV injection advice)."""
    if isinstance(value, (int, float)):
        return value
    text = value if isinstance(value, str) else str(value)
    if text.startswith(("{", "[")):
        try:
            return json.dumps(json.loads(text))
        except ValueError:
            pass
    if text.startswith(_UNSAFE_START) or any(seq in text for seq in _UNSAFE_INSIDE):
        return "'" + text
    return text


def _folder_name(text: str) -> str:
    return re.sub(r"[^\w\-. ]", "", text).strip() or "files"


def _is_file(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("path"), str) and (
        "url" in value or "orig_name" in value or "meta" in value)


def flag_value(component: Any, payload: Any, flag_dir: Path) -> str:
    """One component's value as a CSV cell; its files copied into flag_dir (the cell names the copies).

    A file is copied only if this session may read it (the component's file rules), so a page cannot
    have an arbitrary path on the server copied into the flagging folder."""
    def walk(value: Any) -> Any:
        if _is_file(value):
            return _copy(component, value, flag_dir)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value
    value = walk(payload)
    return value if isinstance(value, str) else json.dumps(value)


def _copy(component: Any, payload: dict[str, Any], flag_dir: Path) -> str:
    rules = getattr(getattr(component, "blocks", None), "file_rules", None) or FileRules()
    data = from_payload(payload, rules, component.describe())
    flag_dir.mkdir(parents=True, exist_ok=True)
    source = Path(data.path)
    target = flag_dir / (data.orig_name or source.name)
    stem, number = target.stem, 1
    while target.exists():
        target, number = flag_dir / f"{stem}_{number}{target.suffix}", number + 1
    target.write_bytes(source.read_bytes())  # shutil is not loaded by `import blocks`
    return str(target)


def _label(component: Any, index: int) -> str:
    return getattr(component, "label", None) or f"component {index}"


class FlaggingCallback(ABC):
    """What a flagging callback does: setup(components, flagging_dir) once, flag(values) per flag."""

    @abstractmethod
    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        """Remember which components give the flagged values and where to save them."""

    @abstractmethod
    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        """Save one flagged sample; return how many samples are saved now."""


class _Logger(FlaggingCallback):
    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        self.components = list(components)
        self.flagging_dir = Path(flagging_dir)
        self.lock = threading.Lock()

    def _cells(self, flag_data: list[Any]) -> list[Any]:
        if not hasattr(self, "components"):
            raise BlocksError(f"{type(self).__name__}.flag() was called before setup(); call "
                              f"callback.setup(components, flagging_dir) first.")
        cells = []
        for index, (component, sample) in enumerate(zip(self.components, flag_data)):
            where = self.flagging_dir / _folder_name(_label(component, index))
            cells.append("" if sample is None else flag_value(component, sample, where))
        return cells

    def _append(self, path: Path, row: list[Any], header: list[Any] | None = None) -> int:
        with self.lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                if header is not None:
                    writer.writerow([csv_safe(h) for h in header])
                writer.writerow([csv_safe(c) for c in row])
            with open(path, newline="", encoding="utf-8") as back:
                return sum(1 for _ in csv.reader(back)) - (0 if isinstance(self, SimpleCSVLogger) else 1)


class SimpleCSVLogger(_Logger):
    """Each flagged sample a row of flagging_dir/log.csv, without a header."""

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        return self._append(self.flagging_dir / "log.csv", self._cells(flag_data))


class CSVLogger(_Logger):
    """Gradio's default: flagging_dir/dataset1.csv with a header (the labels, then flag / username
    when given, then timestamp); a new datasetN.csv when the header changes.

    Args:
        simplify_file_data: files written as their path (always so here).
        verbose: print where the dataset file is.
        dataset_file_name: the CSV's name instead of datasetN.csv.
    """

    def __init__(self, simplify_file_data: bool = True, verbose: bool = True, dataset_file_name: str | None = None):
        self.simplify_file_data, self.verbose, self.dataset_file_name = simplify_file_data, verbose, dataset_file_name
        self.dataset_filepath: Path | None = None

    def _dataset(self, header: list[Any]) -> tuple[Path, bool]:
        if self.dataset_file_name:
            path = self.flagging_dir / self.dataset_file_name
            return path, not path.exists()
        numbered = sorted((int(m.group(1)), p) for p in self.flagging_dir.glob("dataset*.csv")
                          if (m := re.fullmatch(r"dataset(\d+)", p.stem)))
        if not numbered:
            return self.flagging_dir / "dataset1.csv", True
        number, latest = numbered[-1]
        with open(latest, newline="", encoding="utf-8") as existing:
            if next(csv.reader(existing), None) == [str(csv_safe(h)) for h in header]:
                return latest, False
        return self.flagging_dir / f"dataset{number + 1}.csv", True

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        cells = self._cells(flag_data)
        extra = [v for v in (flag_option, username) if v is not None]
        header = [_label(c, i) for i, c in enumerate(self.components)]
        header += [n for n, v in (("flag", flag_option), ("username", username)) if v is not None] + ["timestamp"]
        new = False
        if self.dataset_filepath is None:
            self.dataset_filepath, new = self._dataset(header)
            if self.verbose:
                print("Created dataset file at:" if new else "Using existing dataset file at:", self.dataset_filepath)
        return self._append(self.dataset_filepath, cells + extra + [str(datetime.datetime.now())],
                            header if new else None)


class ClassicCSVLogger(CSVLogger):
    """Gradio 4's logger: flagging_dir/log.csv with flag, username and timestamp columns always."""

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        path = self.flagging_dir / "log.csv"
        header = [_label(c, i) for i, c in enumerate(self.components)] + ["flag", "username", "timestamp"]
        row = self._cells(flag_data) + [flag_option or "", username or "", str(datetime.datetime.now())]
        return self._append(path, row, None if path.exists() else header)


class FlagMethod:
    """The listener behind a Flag button: saves the values, shows "Saving..." then the label again."""

    def __init__(self, callback: FlaggingCallback, label: str, value: str | None, visual_feedback: bool = True):
        self.callback, self.label, self.value, self.visual_feedback = callback, label, value, visual_feedback
        self.__name__ = "Flag"

    def __call__(self, request: Request, *flag_data: Any) -> Any:
        try:
            self.callback.flag(list(flag_data), flag_option=self.value, username=request.username)
        except Exception as error:  # noqa: BLE001 - a failed save is shown on the button, as Gradio does
            print(f"Error while flagging: {error}")
            return Button(value="Error!", interactive=True) if self.visual_feedback else None
        if not self.visual_feedback:
            return None
        time.sleep(0.8)  # long enough for the user to see "Saving..."
        return self.reset()

    def reset(self) -> Button:
        return Button(value=self.label, interactive=True)
