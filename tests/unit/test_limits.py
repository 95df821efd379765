"""limits.py: nesting depth without recursion, short reprs that never raise."""

from __future__ import annotations

import pytest

import blocks as gr
from blocks.limits import MAX_NESTING, nesting_depth_over, short_repr


def _nested(depth: int, leaf: object = 0, as_dict: bool = False) -> object:
    value = leaf
    for _ in range(depth):
        value = {"k": value} if as_dict else [value]
    return value


@pytest.mark.parametrize("as_dict", [False, True])
def test_nesting_is_measured_to_the_limit_and_no_further(as_dict):
    assert not nesting_depth_over(_nested(MAX_NESTING, as_dict=as_dict))
    assert nesting_depth_over(_nested(MAX_NESTING + 1, as_dict=as_dict))
    assert nesting_depth_over(_nested(100_000, as_dict=as_dict))  # far past the recursion limit: no RecursionError
    assert not nesting_depth_over("[" * 100)  # text is a leaf


def test_depth_counts_levels_not_size():
    wide = [[1, 2, 3]] * 10_000 + [{"a": [[1]]}]
    assert not nesting_depth_over(wide, 4) and nesting_depth_over(wide, 3)
    assert not nesting_depth_over(5, 0) and nesting_depth_over([], 0)


def test_short_repr_is_bounded_and_never_raises():
    class Broken:
        def __repr__(self) -> str:
            raise ValueError("no")

    assert short_repr(_nested(5000)) == "[[[[...]]]]"
    assert short_repr(10**5000) == "<an integer of 16610 bits>"  # 3.11 refuses str() of such an int
    assert len(short_repr("x" * 10_000)) <= 60
    assert short_repr(Broken()).startswith("<Broken instance at")


def test_a_deep_client_value_is_refused_with_a_short_message():
    # repr() of this value raised RecursionError: a traceback, and over HTTP a 500 blaming the app.
    with pytest.raises(gr.InvalidValueError, match=r"^Textbox 'Name' expects a string, got \[\[\[\[\.\.\.\]\]\]\]\.$"):
        gr.Textbox(label="Name").check_payload(_nested(5000))
