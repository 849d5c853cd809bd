"""Options of the stream constructors and the high-water marks (Node's streams/state.js)."""

from __future__ import annotations

import math
from typing import Any

from nodenet._net_args import camel
from nodenet.errors import invalid_arg_type, invalid_arg_value

_default_hwm = {False: 16 * 1024, True: 16}


def stream_options(options: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Node's options object from a ``dict`` with Node's keys and/or snake_case keyword
    arguments (``high_water_mark=`` is ``highWaterMark``); the keywords win."""
    if options is None:
        merged: dict[str, Any] = {}
    elif isinstance(options, dict):
        merged = dict(options)
    else:
        raise invalid_arg_type("options", "of type object", options)
    for key, value in kwargs.items():
        merged[camel(key)] = value
    return merged


def get_default_high_water_mark(object_mode: bool) -> int:
    """The default mark: 16 KiB of bytes, or 16 objects (Node 20)."""
    return _default_hwm[bool(object_mode)]


def set_default_high_water_mark(object_mode: bool, value: Any) -> None:
    """Node's ``stream.setDefaultHighWaterMark``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid_arg_type("value", "of type number", value)
    if value < 0:
        from nodenet.errors import out_of_range

        raise out_of_range("value", ">= 0", value)
    _default_hwm[bool(object_mode)] = value


def get_high_water_mark(options: dict[str, Any], duplex_key: str, is_duplex: bool,
                        object_mode: bool) -> int:
    """``options.highWaterMark``, else (a Duplex) ``options[duplex_key]``, else the default."""
    hwm: Any | None = options.get("highWaterMark")
    if hwm is None and is_duplex:
        hwm = options.get(duplex_key)
    if hwm is None:
        return get_default_high_water_mark(object_mode)
    valid = not isinstance(hwm, bool) and isinstance(hwm, (int, float)) and \
        math.isfinite(hwm) and float(hwm).is_integer() and hwm >= 0
    if not valid:
        name = f"options.{duplex_key}" if is_duplex else "options.highWaterMark"
        raise invalid_arg_value(name, hwm)
    return int(hwm)
