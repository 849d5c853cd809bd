"""Stands in for the ``cython`` module where Cython is not installed: nothing is compiled."""

from collections.abc import Callable
from typing import Any

compiled = False


def binding(flag: bool) -> Callable[[Any], Any]:
    """The compiler directive as a decorator: nothing to do uncompiled."""
    return lambda cls: cls
