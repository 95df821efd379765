"""Limits on what clients send: how deep a value may nest, and short, bounded reprs for messages."""

from __future__ import annotations

import reprlib
from typing import Any

# JSON from pages and scripts nests a few levels (a list of lists, a dict of lists). 64 leaves room
# for any real value while keeping every recursive step after it (comparison, copying, repr) far
# from Python's recursion limit (1000): a value nested 1,000 levels deep would otherwise raise
# RecursionError wherever it is first compared or shown.
MAX_NESTING = 64


def nesting_depth_over(value: Any, limit: int = MAX_NESTING) -> bool:
    """True when lists/tuples/dicts in `value` nest more than `limit` levels deep.

    A scalar is 0 levels deep, `[1]` one, `{"a": [1]}` two. Iterative, so it never recurses,
    and it stops at the first container found too deep.
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth + 1 > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (list, tuple, dict)))
    return False


class _ShortRepr(reprlib.Repr):
    """reprlib with small limits; huge ints are described instead of converted (3.11 refuses them)."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxlist, self.maxdict, self.maxtuple, self.maxset = 3, 6, 6, 6, 6
        self.maxstring, self.maxother, self.maxlong = 40, 40, 40

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 128:
            return f"<an integer of {x.bit_length()} bits>"
        return super().repr_int(x, level)


_SHORT = _ShortRepr()


def short_repr(value: Any, limit: int = 60) -> str:
    """A repr for error messages: bounded in length and depth, and never raising."""
    try:
        shown = _SHORT.repr(value)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not turn a 422 into a 500
        shown = f"<a {type(value).__name__}>"
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."
