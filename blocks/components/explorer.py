"""gr.FileExplorer: a tree of the files under root_dir with checkboxes; the callback gets their paths.

The server lists the files when the app is built (only under root_dir, matching glob and not
ignore_glob) and checks every path the page sends back: one outside root_dir is refused.
"""

from __future__ import annotations

import fnmatch
import logging
import os
from pathlib import Path
from typing import Any

from ..component import Arg, Component
from ..errors import BlocksError, InvalidValueError
from ..events import CHANGE_DOC, EventListener

log = logging.getLogger("blocks")
MAX_ENTRIES = 5000  # a larger tree is cut short (with a warning): the page would be unusable anyway


def _root(block: Any, value: Any) -> str:
    root = Path(value).resolve()
    if not root.is_dir():
        raise BlocksError(f"FileExplorer(root_dir={str(value)!r}): no such directory; give an existing folder.")
    return str(root)


class FileExplorer(Component, renderer="fileexplorer"):
    """A tree (role=tree) of folders and files under root_dir, each file with a checkbox.

    The callback gets absolute paths: a list, or one path (or None) for file_count="single";
    it may return paths under root_dir to check them.
    """

    default_label = "File Explorer"
    takes_input = True
    change = EventListener("change", CHANGE_DOC)
    input = EventListener("input", "Fires when the user checks or unchecks a file.")
    select = EventListener("select", "Fires when the user checks a file (gr.SelectData with its path).")
    args = {"glob": "**/*", "file_count": Arg("multiple", one_of=("single", "multiple")),
            "root_dir": Arg(".", convert=_root), "ignore_glob": None, "height": None, "max_height": 500,
            "min_height": None}
    derived_props = ("tree",)
    positional = ("glob", "value", "file_count", "root_dir", "ignore_glob")

    def setup(self) -> None:
        super().setup()
        self.tree = self._listing(self.root_dir, self.glob, self.ignore_glob)

    def _listing(self, root: str, glob: str, ignore_glob: str | None) -> list[dict[str, Any]]:
        self.__dict__.update(_count=0, _glob=glob, _ignore=ignore_glob)
        tree = self._list(Path(root))
        if self._count >= MAX_ENTRIES:
            log.warning("gr.FileExplorer(root_dir=%r) lists only its first %d entries.", root, MAX_ENTRIES)
        return tree

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """An update of root_dir, glob or ignore_glob lists the files again (for that session)."""
        props = super().normalize_props(props)
        if {"root_dir", "glob", "ignore_glob"} & set(props):
            props["tree"] = self._listing(props.get("root_dir", self.root_dir), props.get("glob", self.glob),
                                          props.get("ignore_glob", self.ignore_glob))
        return props

    def _list(self, folder: Path) -> list[dict[str, Any]]:
        folders, files = [], []
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return []
        for name in names:
            full = folder / name
            if self._count >= MAX_ENTRIES or (self._ignore and fnmatch.fnmatch(str(full), self._ignore)):
                continue
            if full.is_dir() and not full.is_symlink():
                self.__dict__["_count"] += 1
                folders.append({"name": name, "type": "folder", "children": self._list(full)})
            elif fnmatch.fnmatch(str(full), self._glob):
                self.__dict__["_count"] += 1
                files.append({"name": name, "type": "file"})
        return folders + files

    def _inside(self, segments: Any) -> str:
        if not isinstance(segments, list) or not all(isinstance(s, str) and s for s in segments):
            raise self.bad_payload(segments, "a file as a list of path segments, e.g. ['folder', 'file.txt']")
        root = Path(self.root_dir)
        path = root.joinpath(*segments).resolve()
        if not path.is_relative_to(root) or path == root:
            raise InvalidValueError(f"{self.describe()}: {'/'.join(segments)!r} is outside root_dir; only files "
                                    f"under {self.root_dir} can be chosen.")
        return str(path)

    def preprocess(self, payload: Any) -> Any:
        paths = [self._inside(p) for p in payload or []]
        if self.file_count == "single":
            if len(paths) > 1:
                raise InvalidValueError(f"{self.describe()} takes one file (file_count='single'); got {len(paths)}.")
            return paths[0] if paths else None
        return paths

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        root = Path(self.root_dir)
        chosen = []
        for item in [value] if isinstance(value, (str, Path)) else list(value):
            path = Path(item) if Path(item).is_absolute() else root / item
            try:
                chosen.append(list(path.resolve().relative_to(root).parts))
            except ValueError:
                raise InvalidValueError(f"{self.describe()} was given {str(item)!r}, which is outside root_dir "
                                        f"{self.root_dir}; return paths under it.") from None
        return chosen

    def check_payload(self, payload: Any) -> Any:
        if payload is not None and not isinstance(payload, list):
            raise self.bad_payload(payload, "a list of files, each a list of path segments, or null")
        return payload

    def api_info(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
                          {"type": "null"}]}


__all__ = ["FileExplorer"]
