"""What the compiled and the pure-Python emitters share: checks, errors and the slow paths.

Both classes call these helpers, so a behaviour outside the hot add/remove/emit loop has
exactly one implementation.
"""

from __future__ import annotations

import asyncio
import copyreg
import inspect as _pyinspect
import math
import os
import sys
import types
import warnings
from collections.abc import Callable
from types import FrameType
from typing import Any

from .errors import (
    MaxListenersExceededWarning,
    invalid_arg_type,
    is_number,
    out_of_range,
    unhandled_error,
)


class Symbol:
    """A unique event name, like a JavaScript Symbol; compared by identity."""

    __slots__ = ("description",)

    def __init__(self, description: str) -> None:
        self.description = description

    def __repr__(self) -> str:
        return f"Symbol({self.description})"


#: Listeners of this event see every 'error' before the regular 'error' listeners.
error_monitor = Symbol("events.errorMonitor")
#: The method name a class defines to receive errors of its listeners' awaitables.
capture_rejection_symbol = "nodejs_rejection"


#: The fields every emitter has, compiled or pure.
EMITTER_FIELDS = ("_events", "_max_listeners", "_capture", "_warned")


def get_state(emitter: Any) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """What ``copy`` and ``pickle`` keep of an emitter: (its ``__dict__`` or None, its fields)."""
    fields = {name: getattr(emitter, name) for name in EMITTER_FIELDS}
    return (getattr(emitter, "__dict__", None) or None, fields)


def set_state(emitter: Any, state: tuple[dict[str, Any] | None, dict[str, Any]]) -> None:
    instance_dict, fields = state
    if instance_dict:
        emitter.__dict__.update(instance_dict)
    for name, value in fields.items():
        setattr(emitter, name, value)


def reduce_emitter(emitter: Any) -> tuple[Any, ...]:
    """``__reduce__`` for every pickle protocol (0 and 1 would call the class with the
    emitter as its options)."""
    return (copyreg.__newobj__, (type(emitter),), emitter.__getstate__())  # type: ignore[attr-defined]


def reduce_once(wrapper: Any) -> tuple[Any, ...]:
    """``__reduce__`` of a once-wrapper: made anew around the same listener."""
    return (type(wrapper), (wrapper.target, wrapper.event, wrapper.listener))


def check_listener(listener: Any) -> None:
    """Raise ``ERR_INVALID_ARG_TYPE`` unless ``listener`` can be called."""
    if not callable(listener):
        raise invalid_arg_type("listener", "of type function", listener)


def check_max_listeners(n: Any, name: str = "setMaxListeners") -> float:
    """Validate a listener limit; ``math.inf`` and ``0`` mean unlimited."""
    if not is_number(n):
        raise invalid_arg_type(name, "of type number", n)
    limit: float = n
    if math.isnan(limit) or limit < 0:
        raise out_of_range(name, ">= 0", n)
    return limit


def check_capture(value: Any, name: str = "options.captureRejections") -> bool:
    """Validate the ``capture_rejections`` option (Node's ``options.captureRejections``)."""
    if not isinstance(value, bool):
        raise invalid_arg_type(name, "of type boolean", value)
    return value


def default_capture(cls: type) -> bool:
    """The class-wide ``capture_rejections`` a new emitter of ``cls`` starts with."""
    return bool(getattr(cls, "capture_rejections", False))


def class_name(emitter: Any) -> str:
    return type(emitter).__name__ if type(emitter).__name__ != "EventEmitter" else "EventEmitter"


def warn_max_listeners(emitter: Any, event: Any, count: int, limit: float) -> None:
    """Issue Node's ``MaxListenersExceededWarning`` for ``event``."""
    name = str(event)
    limit_text = int(limit) if float(limit).is_integer() else limit
    message = (
        f"Possible EventEmitter memory leak detected. {count} {name} listeners added to "
        f"[{class_name(emitter)}]. MaxListeners is {limit_text}. "
        "Use emitter.setMaxListeners() to increase limit"
    )
    warnings.warn(
        MaxListenersExceededWarning(message, emitter, event, count), stacklevel=_user_level()
    )


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _user_level() -> int:
    """The ``stacklevel`` of the first caller outside nodenet (compiled frames do not count)."""
    level = 2
    try:
        frame: FrameType | None = sys._getframe(2)
    except ValueError:
        return 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    return level


def raise_unhandled(args: tuple[Any, ...]) -> None:
    """'error' emitted with no listener: raise the error, or ``ERR_UNHANDLED_ERROR``."""
    raise unhandled_error(args)


def _loop() -> asyncio.AbstractEventLoop:
    from ._loop import get_loop

    return get_loop()


def is_awaitable(value: Any) -> bool:
    """``inspect.isawaitable`` without its slow ABC check for the common non-awaitables."""
    if hasattr(type(value), "__await__"):
        return True
    return type(value) is types.GeneratorType and _pyinspect.isawaitable(value)


def handle_result(emitter: Any, capture: bool, result: Any, event: Any,
                  args: tuple[Any, ...]) -> None:
    """A listener returned ``result`` (not None): run an awaitable as a task on the loop.

    With ``capture`` its exception goes to the emitter's ``capture_rejection_symbol`` method
    or is emitted as 'error'; without, it reaches the loop's exception handler (Node's
    unhandled rejection).
    """
    if not is_awaitable(result):
        return
    loop = _loop()
    task = asyncio.ensure_future(result, loop=loop)
    task.add_done_callback(
        lambda t: _settle(emitter, capture, t, event, args)
    )


def _unhandled(task: asyncio.Future[Any]) -> None:
    """A rejection nobody captures: the loop's exception handler (Node's unhandledRejection)."""
    if task.cancelled() or task.exception() is None:
        return
    task.get_loop().call_exception_handler(
        {"message": "Unhandled exception in an awaitable of a listener",
         "exception": task.exception(), "future": task}
    )


def _settle(emitter: Any, capture: bool, task: asyncio.Future[Any], event: Any,
            args: tuple[Any, ...]) -> None:
    if task.cancelled():
        return
    err = task.exception()
    if err is None:
        return
    loop = task.get_loop()
    if not capture:
        _unhandled(task)
        return
    try:
        handler: Callable[..., Any] | None = getattr(emitter, capture_rejection_symbol, None)
        if handler is not None:
            result = handler(err, event, *args)
            if is_awaitable(result):
                asyncio.ensure_future(result, loop=loop).add_done_callback(_unhandled)
        else:
            was_capturing = emitter._capture
            emitter._capture = False
            try:
                emitter.emit("error", err)
            finally:
                emitter._capture = was_capturing
    except BaseException as exc:  # noqa: BLE001 - Node turns this into an uncaught exception
        loop.call_exception_handler(
            {"message": "Unhandled exception while capturing a rejection", "exception": exc}
        )
