"""Optional libraries (numpy, Pillow, pandas ...), imported only when a value needs one.

`import blocks` and an app that uses none of them never load them. When one is missing, the
error names the component that needs it and the extra that installs it
(`pip install 'blocks[media]'`).
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from .errors import BlocksError

# module -> (distribution to install, the blocks extra that brings it)
EXTRAS = {
    "numpy": ("numpy", "media"),
    "PIL": ("Pillow", "media"),
    "PIL.Image": ("Pillow", "media"),
    "PIL.ImageOps": ("Pillow", "media"),
    "pandas": ("pandas", "data"),
}


class MissingExtraError(BlocksError):
    """An optional library a value needs is not installed."""


def require(module: str, needed_by: str) -> ModuleType:
    """Import `module`, or raise MissingExtraError saying who needs it and how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        dist, extra = EXTRAS.get(module, (module.split(".", maxsplit=1)[0], None))
        how = f"pip install 'blocks[{extra}]'" if extra else f"pip install {dist}"
        raise MissingExtraError(f"{needed_by} needs {dist}, which is not installed; install it with: {how}") from error


def loaded(module: str) -> ModuleType | None:
    """`module` if the app already imported it, else None (never imports it): for isinstance checks
    on values that can only be of that library's types if the app loaded it."""
    return sys.modules.get(module)
