"""Argument normalisation for ``listen()`` and ``connect()``: Node's overloads, Python's kwargs."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .errors import NodeTypeError, NodeValueError, describe_received, inspect


def camel(name: str) -> str:
    """``ipv6_only`` -> ``ipv6Only``: the Node key of a keyword argument."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def js_number(value: Any) -> float:
    """JavaScript's ``Number(value)`` for the values listen/connect see."""
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return 0.0
        try:
            if text[:2].lower() in ("0x", "0o", "0b"):
                return float(int(text, 0))
            if "_" in text or text.lower() in ("nan", "inf", "-inf", "+inf", "infinity"):
                return math.nan
            return float(text)
        except ValueError:
            return math.nan
    return math.nan


def to_number(value: Any) -> Any:
    """Node's ``toNumber``: a non-negative number, or False."""
    if value is False:
        return False
    number = js_number(value)
    return number if number >= 0 else False


def is_pipe_name(value: Any) -> bool:
    """A string that is not a number names a Unix socket."""
    return isinstance(value, str) and to_number(value) is False


def validate_port(port: Any, name: str = "Port", allow_zero: bool = True) -> int:
    """Node's ``validatePort``: the port as an int, or ``ERR_SOCKET_BAD_PORT``."""
    ok = isinstance(port, (int, float, str)) and not isinstance(port, bool)
    if ok and isinstance(port, str) and not port.strip():
        ok = False
    if ok:
        number = js_number(port)
        ok = (
            not math.isnan(number)
            and number.is_integer()
            and 0 <= number <= 0xFFFF
            and (allow_zero or number != 0)
        )
    if not ok:
        op = ">=" if allow_zero else ">"
        raise NodeValueError(
            "ERR_SOCKET_BAD_PORT",
            f"{name} should be {op} 0 and < 65536. {describe_received(port)}.",
        )
    return int(js_number(port))


def missing_connect_args() -> NodeTypeError:
    return NodeTypeError(
        "ERR_MISSING_ARGS", 'The "options" or "port" or "path" argument must be specified'
    )


def invalid_options(options: dict[str, Any], reason: str = "is invalid") -> NodeTypeError:
    return NodeTypeError(
        "ERR_INVALID_ARG_VALUE",
        f"The argument 'options' {reason}. Received {inspect(options)}",
    )


def normalize(
    args: tuple[Any, ...], kwargs: dict[str, Any], callback_name: str
) -> tuple[dict[str, Any], Callable[..., Any] | None]:
    """Node's ``normalizeArgs`` plus keyword arguments: ``(options, callback)``.

    Keyword arguments override what positional arguments said, under their Node keys.
    """
    options: dict[str, Any]
    if not args:
        options = {}
    else:
        first = args[0]
        if isinstance(first, dict):
            options = dict(first)
        elif first is not None and not isinstance(first, (int, float, str)) and not callable(first):
            options = {"handle": first}
        elif is_pipe_name(first):
            options = {"path": first}
        else:
            options = {"port": first}
            if len(args) > 1 and isinstance(args[1], str):
                options["host"] = args[1]
    callback = args[-1] if args and callable(args[-1]) else None
    for key, value in kwargs.items():
        if key == callback_name:
            callback = value
        else:
            options[camel(key)] = value
    if callback is not None and not callable(callback):
        from .errors import invalid_arg_type

        raise invalid_arg_type("callback", "of type function", callback)
    return options, callback
