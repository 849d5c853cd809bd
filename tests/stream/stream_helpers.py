"""Helpers of the stream tests: Node's ``common.mustCall`` and a way to let ticks run."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import nodenet.stream


async def settle(turns: int = 10) -> None:
    """Let the loop run ``turns`` turns: pending ticks and the callbacks they schedule."""
    for _ in range(turns):
        await asyncio.sleep(0)


class Calls:
    """Records how often wrapped functions were called; ``check()`` compares with the
    expectations (the ``calls`` fixture does it when the test ends)."""

    def __init__(self) -> None:
        self._expected: list[tuple[str, Callable[..., Any], int, list[int]]] = []

    def must_call(self, fn: Callable[..., Any] | None = None,
                  times: int = 1) -> Callable[..., Any]:
        """A function that must be called exactly ``times`` times (it calls ``fn``)."""
        count = [0]
        target = fn or (lambda *args, **kwargs: None)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            count[0] += 1
            return target(*args, **kwargs)

        self._expected.append((getattr(target, "__name__", "fn"), target, times, count))
        return wrapper

    def must_call_at_least(self, fn: Callable[..., Any] | None = None,
                           times: int = 1) -> Callable[..., Any]:
        """A function that must be called ``times`` times or more."""
        return self.must_call(fn, -times)

    def must_not_call(self, what: str = "function") -> Callable[..., Any]:
        """A function that fails the test if it is called."""

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError(f"{what} must not be called (called with {args!r})")

        return wrapper

    def check(self) -> None:
        for name, _, times, count in self._expected:
            if times >= 0:
                assert count[0] == times, f"{name} called {count[0]} times, expected {times}"
            else:
                assert count[0] >= -times, f"{name} called {count[0]} times, expected >= {-times}"


def ReportingWritable(fn: Callable[..., Any], options: Any = None) -> Any:  # noqa: N802
    """A Writable (of the implementation under test) that reports what reaches ``_write``:
    ``fn(is_bytes, type, encoding)`` (Node's MyWritable of the encoding tests)."""

    def write(chunk: Any, encoding: str, callback: Callable[..., Any]) -> None:
        fn(isinstance(chunk, bytes), type(chunk), encoding)
        callback()

    return nodenet.stream.Writable({**(options or {}), "write": write})
