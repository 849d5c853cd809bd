"""Node's error objects spelled in Python: every error carries ``.code``, Node's code."""

from __future__ import annotations

import errno as _errno
import os
from typing import Any

__all__ = [
    "NodeError",
    "NodeTypeError",
    "NodeValueError",
    "AbortError",
    "MaxListenersExceededWarning",
    "inspect",
    "describe_received",
    "is_number",
    "invalid_arg_type",
    "invalid_arg_value",
    "out_of_range",
    "unhandled_error",
    "system_error",
]


class NodeError(Exception):
    """An error with Node's ``code`` (``ERR_SERVER_NOT_RUNNING`` ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


class NodeTypeError(TypeError):
    """Node's ``TypeError`` with a code (``ERR_INVALID_ARG_TYPE`` ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class NodeValueError(ValueError):
    """Node's ``RangeError`` with a code (``ERR_OUT_OF_RANGE``, ``ERR_SOCKET_BAD_PORT``)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class AbortError(NodeError):
    """What an aborted operation fails with; ``cause`` is the signal's reason."""

    def __init__(self, message: str = "The operation was aborted", cause: Any = None) -> None:
        super().__init__("ABORT_ERR", message)
        self.name = "AbortError"
        self.cause = cause


class MaxListenersExceededWarning(RuntimeWarning):
    """Warned once per event name when an emitter passes its listener limit."""

    def __init__(self, message: str, emitter: Any = None, type: Any = None, count: int = 0) -> None:
        super().__init__(message)
        self.emitter = emitter
        self.type = type
        self.count = count


def inspect(value: Any) -> str:
    """A short rendering of ``value`` in the spirit of Node's ``util.inspect``."""
    if value is None:
        return "None"
    if isinstance(value, BaseException):
        return f"{type(value).__name__}: {value}"
    if callable(value):
        return f"[Function: {getattr(value, '__name__', type(value).__name__)}]"
    text = repr(value)
    return text if len(text) <= 128 else text[:125] + "..."


def describe_received(value: Any) -> str:
    """The ``Received ...`` tail of Node's argument errors."""
    if value is None:
        return "Received None"
    if callable(value):
        return f"Received function {getattr(value, '__name__', type(value).__name__)}"
    if isinstance(value, (bool, int, float, str, bytes)):
        shown = repr(value)
        if len(shown) > 28:
            shown = shown[:25] + "..."
        return f"Received type {type(value).__name__} ({shown})"
    return f"Received an instance of {type(value).__name__}"


def is_number(value: Any) -> bool:
    """A JavaScript number: an int or a float, not a bool (Python's bool is an int)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def invalid_arg_type(name: str, expected: str, value: Any) -> NodeTypeError:
    """``ERR_INVALID_ARG_TYPE``; ``name`` with a dot is reported as a property."""
    kind = "property" if "." in name else "argument"
    return NodeTypeError(
        "ERR_INVALID_ARG_TYPE",
        f'The "{name}" {kind} must be {expected}. {describe_received(value)}',
    )


def invalid_arg_value(name: str, value: Any, reason: str = "is invalid") -> NodeTypeError:
    """``ERR_INVALID_ARG_VALUE`` (a ``TypeError``, as in Node)."""
    kind = "property" if "." in name else "argument"
    return NodeTypeError(
        "ERR_INVALID_ARG_VALUE", f"The {kind} '{name}' {reason}. Received {inspect(value)}"
    )


def out_of_range(name: str, rng: str, value: Any) -> NodeValueError:
    """``ERR_OUT_OF_RANGE``."""
    return NodeValueError(
        "ERR_OUT_OF_RANGE",
        f'The value of "{name}" is out of range. It must be {rng}. Received {inspect(value)}',
    )


def unhandled_error(args: tuple[Any, ...]) -> BaseException:
    """What ``emit('error', ...)`` raises when nothing listens for 'error'."""
    if args and isinstance(args[0], BaseException):
        return args[0]
    context = args[0] if args else None
    try:
        shown = inspect(context)
    except Exception:  # noqa: BLE001 - Node falls back to the plain object text
        shown = object.__repr__(context)
    err = NodeError("ERR_UNHANDLED_ERROR", f"Unhandled error. ({shown})")
    err.context = context  # type: ignore[attr-defined]
    return err


def system_error(
    err: int,
    syscall: str,
    address: str | None = None,
    port: int | None = None,
) -> OSError:
    """An ``OSError`` shaped like Node's system errors (``listen EADDRINUSE: ...``)."""
    code = _errno.errorcode.get(err, f"Unknown system error {err}")
    desc = os.strerror(err).lower() if err else "unknown error"
    message = f"{syscall} {code}: {desc}"
    if address is not None:
        message += f" {address}"
        if port is not None and port > 0:
            message += f":{port}"
    exc = OSError(err, message)
    exc.code = code  # type: ignore[attr-defined]
    exc.syscall = syscall  # type: ignore[attr-defined]
    if address is not None:
        exc.address = address  # type: ignore[attr-defined]
    if port is not None:
        exc.port = port  # type: ignore[attr-defined]
    return exc
