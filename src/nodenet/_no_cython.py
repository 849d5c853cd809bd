"""Stands in for the ``cython`` module where Cython is not installed: nothing is compiled."""

from collections.abc import Callable
from typing import Any

compiled = False


def binding(flag: bool) -> Callable[[Any], Any]:
    """The compiler directive as a decorator: nothing to do uncompiled."""
    return lambda cls: cls


def locals(**types: Any) -> Callable[[Any], Any]:  # noqa: A001 - Cython's name
    """The compiler's local-variable types as a decorator: nothing to do uncompiled."""
    return lambda fn: fn
