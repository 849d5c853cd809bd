"""Calls every method of every class of one nodenet module with wrong arguments.

    python memory_probe.py MODULE

Each method, property accessor and slot of each class defined in MODULE (and the
public classes built on them) is called unbound, with ``self`` of the wrong types, with an
instance made by ``__new__`` alone and with a working instance, and with 0 to 4 arguments
of odd types. Whatever a call raises is fine; the process must not die. The loop runs a few
turns after each class, so that callbacks a call scheduled run too. Prints each target
before calling it (stderr, flushed), so that a crash names it, and ``probed N calls`` last.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import itertools
import math
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import nodenet  # noqa: F401  (the package decides compiled or pure first)
from nodenet import _handle, _loop

#: Names never called: ``listen`` with a bare port would listen on every interface (the
#: server paths are exercised by the listener matrix instead); ``run`` blocks.
SKIP = {"listen", "run"}


class Odd:
    """An object whose comparison, hash, length and iteration all raise."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    def __hash__(self) -> int:
        raise RuntimeError("hash")

    def __len__(self) -> int:
        raise RuntimeError("len")

    def __iter__(self) -> Iterator[Any]:
        raise RuntimeError("iter")


POOL: tuple[Any, ...] = (
    None, 0, -1, 2 ** 70, 1.5, math.nan, "x", "error", b"x", memoryview(b"xy"), object(),
    [], {}, (), Odd(), print, lambda *args: None,
)


def argument_lists() -> list[tuple[Any, ...]]:
    lists: list[tuple[Any, ...]] = [()]
    lists += [(value,) for value in POOL]
    lists += [pair for pair in itertools.permutations(POOL[:8], 2)][::3]
    lists += [("x", print, None), ("error", None, 0), (b"x", "utf8", print)]
    lists += [("x", None, None, None), (None, "x", print, 1.5)]
    return lists


def instances(cls: type) -> list[Any]:
    """``self`` values for ``cls``'s methods: wrong types, and ``cls``'s own when possible."""
    selves: list[Any] = [object(), None, 1, "x", _handle.Lifeline()]
    try:
        selves.append(cls.__new__(cls))  # no __init__
    except Exception:  # noqa: BLE001
        pass
    try:
        selves.append(cls())
    except Exception:  # noqa: BLE001
        pass
    return selves


def targets(module: Any) -> Iterator[tuple[type, str, Any]]:
    classes = [c for c in vars(module).values()
               if isinstance(c, type) and c.__module__ == module.__name__]
    for cls in sorted(classes, key=lambda c: c.__name__):
        for klass in cls.__mro__:
            if klass in (object, type) or not klass.__module__.startswith("nodenet"):
                continue
            for name, attr in sorted(vars(klass).items()):
                if name not in SKIP:
                    yield cls, name, attr


def callables(attr: Any) -> Iterator[tuple[str, Callable[..., Any]]]:
    """The ways to call ``attr`` with a ``self`` first."""
    if isinstance(attr, property):
        for role, fn in (("get", attr.fget), ("set", attr.fset), ("del", attr.fdel)):
            if fn is not None:
                yield role, fn
        return
    if isinstance(attr, (staticmethod, classmethod)):
        yield "call", attr.__func__
        return
    if callable(attr):
        yield "call", attr
    descriptor = type(attr)
    if hasattr(descriptor, "__get__") and not inspect.isfunction(attr):
        yield "__get__", lambda obj, *args: attr.__get__(obj, type(obj))
    if hasattr(descriptor, "__set__"):
        yield "__set__", lambda obj, *args: attr.__set__(obj, args[0] if args else None)
    if hasattr(descriptor, "__delete__"):
        yield "__delete__", lambda obj, *args: attr.__delete__(obj)


def turn(loop: asyncio.AbstractEventLoop) -> None:
    for _ in range(3):
        loop.run_until_complete(asyncio.sleep(0))


def main(module_name: str) -> None:
    warnings.simplefilter("ignore")
    module = importlib.import_module(module_name)
    loop = _loop.get_loop()
    loop.set_exception_handler(lambda loop, context: None)
    arguments = argument_lists()
    calls = 0
    current = None
    for cls, name, attr in targets(module):
        if cls is not current:
            if current is not None:
                turn(loop)
            current = cls
        for role, fn in callables(attr):
            print(f"{cls.__name__}.{name} {role}", file=sys.stderr, flush=True)
            for self in instances(cls):
                for args in arguments:
                    calls += 1
                    try:
                        result = fn(self, *args)
                    except BaseException:  # noqa: BLE001 - any exception is an answer
                        continue
                    if inspect.iscoroutine(result):
                        result.close()
    turn(loop)
    print(f"probed {calls} calls")


if __name__ == "__main__":
    # A method given the argument "x" may listen on a Unix socket of that name: in a
    # directory of its own, removed after.
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)
        main(sys.argv[1])
