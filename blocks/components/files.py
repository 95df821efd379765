"""File components: File, Files, UploadButton, DownloadButton (the file seam is blocks/files/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..component import DROP, Arg, Component
from ..events import CHANGE_DOC, EventListener
from ..files import FileRules
from ..files.values import from_payload, to_payload
from .buttons import SIZES, VARIANTS

COUNTS = ("single", "multiple", "directory")
TYPES = ("filepath", "binary")


class NamedString(str):
    """A path that also answers `.name` (the path again), as Gradio's File and UploadButton give:
    code written for Gradio 3's file objects (`file.name`) keeps working with type="filepath"."""

    __slots__ = ()

    @property
    def name(self) -> str:
        return str(self)


def _file_types(block: Any, value: Any) -> list[str] | None:
    return [value] if isinstance(value, str) else (list(value) if value else None)


class FileValue(Component):
    """What every file-carrying component shares: FileData payloads in and out, file_count, type."""

    args = {"file_count": Arg("single", one_of=COUNTS), "file_types": Arg(None, convert=_file_types),
            "type": Arg("filepath", prop=False, one_of=TYPES)}

    @property
    def many(self) -> bool:
        return self.file_count != "single"  # type: ignore[attr-defined]

    def rules(self) -> FileRules:
        return getattr(self.blocks, "file_rules", None) or FileRules()

    def _one_in(self, payload: Any) -> str | bytes:
        data = from_payload(payload, self.rules(), self.describe(), self.file_types)  # type: ignore[attr-defined]
        return Path(data.path).read_bytes() if self.type == "binary" else NamedString(data.path)  # type: ignore[attr-defined]

    def preprocess(self, payload: Any) -> Any:
        if payload is None or payload == []:
            return None
        if self.many:
            return [self._one_in(p) for p in (payload if isinstance(payload, list) else [payload])]
        return self._one_in(payload[0] if isinstance(payload, list) else payload)

    def postprocess(self, value: Any) -> Any:
        if value is None or value == []:
            return None
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        payloads = [to_payload(v, self.rules(), self.describe()) for v in items]
        return payloads if self.many else payloads[0]

    def check_payload(self, payload: Any) -> Any:
        items = payload if isinstance(payload, list) else [payload]
        if payload is not None and not all(isinstance(p, dict) and isinstance(p.get("path"), str) for p in items):
            raise self.bad_payload(payload, "a file {'path': ..., 'url': ...} or a list of them, or null")
        return payload

    def api_info(self) -> dict[str, Any]:
        one = {"type": "object", "properties": {"path": {"type": "string"}, "url": {"type": ["string", "null"]},
                                                "orig_name": {"type": ["string", "null"]}}, "required": ["path"]}
        return {"anyOf": [{"type": "array", "items": one} if self.many else one, {"type": "null"}]}


class File(FileValue, renderer="file"):
    """A drop zone and `<input type=file>`, then the files as download links with their sizes.

    The callback gets a path (type="filepath") or bytes (type="binary"), a list of them for
    file_count="multiple"/"directory"; it may return a path, pathlib.Path, URL or a list.
    """

    default_label = "File"
    change = EventListener("change", CHANGE_DOC)
    select = EventListener("select", "Fires when the user clicks a file in the list.")
    clear = EventListener("clear", "Fires when the user clears the files.")
    upload = EventListener("upload", "Fires when the user uploads files.")
    delete = EventListener("delete", "Fires when the user removes one file.")
    download = EventListener("download", "Fires when the user downloads a file.")
    args = {"height": None,
            "allow_reordering": Arg(False, unhonoured="not supported yet: the files cannot be reordered")}
    positional = ("value",)


class Files(File):
    """gr.Files: a File taking several files (file_count="multiple")."""

    args = {"file_count": "multiple"}


class UploadButton(FileValue, renderer="uploadbutton"):
    """A button opening the file chooser; its value is the uploaded file(s)."""

    change = EventListener("change", CHANGE_DOC)
    click = EventListener("click", "Fires when the user clicks the button.")
    upload = EventListener("upload", "Fires when the user has chosen files and they are uploaded.")
    args = {"label": "Upload a File", "variant": Arg("secondary", one_of=VARIANTS), "size": Arg("lg", one_of=SIZES),
            "icon": None, "interactive": True, "min_width": None, "info": DROP, "show_label": DROP}
    positional = ("label", "value")


class DownloadButton(FileValue, renderer="downloadbutton"):
    """A button that downloads its value, a file the app gives (a path, pathlib.Path or URL)."""

    takes_input = False
    change = EventListener("change", CHANGE_DOC)
    click = EventListener("click", "Fires when the user clicks the button (and the download starts).")
    args = {"label": "Download", "variant": Arg("secondary", one_of=VARIANTS), "size": Arg("lg", one_of=SIZES),
            "icon": None, "interactive": True, "min_width": None, "info": DROP, "show_label": DROP,
            "file_count": DROP, "file_types": DROP}
    positional = ("label", "value")

    @property
    def many(self) -> bool:
        return False


__all__ = ["DownloadButton", "File", "Files", "UploadButton"]
