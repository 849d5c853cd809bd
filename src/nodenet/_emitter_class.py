"""The public EventEmitter class over an emitter core: Node's class properties (one
validated global setting each, shared by every public class) and camelCase aliases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._emitter_common import (
    capture_rejection_symbol,
    check_capture,
    check_max_listeners,
    error_monitor,
)
from ._node_names import EMITTER_ALIASES, add_aliases


def _check_default_max(n: Any) -> float:
    return check_max_listeners(n, "defaultMaxListeners")


def _check_default_capture(value: Any) -> bool:
    return check_capture(value, "EventEmitter.captureRejections")


#: Node's static properties, each one global setting under two names, and its check.
_CLASS_SETTINGS: dict[str, tuple[tuple[str, str], Callable[[Any], Any]]] = {}
for _names, _check in (
    (("default_max_listeners", "defaultMaxListeners"), _check_default_max),
    (("capture_rejections", "captureRejections"), _check_default_capture),
):
    for _name in _names:
        _CLASS_SETTINGS[_name] = (_names, _check)


_by_core: dict[type, type] = {}


class _EmitterType(type):
    """Makes ``default_max_listeners`` and ``capture_rejections`` one validated global each,
    readable and assignable on every emitter class (Node's static properties).

    The values are plain class attributes of the public classes, so the emitters read them
    at the cost of an attribute lookup; assigning on any emitter class checks the value and
    sets it on every public class.
    """

    default_max_listeners: float
    defaultMaxListeners: float
    capture_rejections: bool
    captureRejections: bool
    _public: list[type] = []

    def __setattr__(cls, name: str, value: Any) -> None:
        setting = _CLASS_SETTINGS.get(name)
        if setting is None:
            super().__setattr__(name, value)
            return
        names, check = setting
        value = check(value)
        for klass in _EmitterType._public:
            for alias in names:
                type.__setattr__(klass, alias, value)


def public_class(core: type) -> type:
    """The public class over ``core`` (made once per core)."""
    cls = _by_core.get(core)
    if cls is not None:
        return cls
    cls = _by_core[core] = _EmitterType("EventEmitter", (core,), {
        "__module__": "nodenet.events",
        "__doc__": "Node's EventEmitter: register listeners for named events and emit them.",
        "error_monitor": error_monitor,
        "errorMonitor": error_monitor,
        "capture_rejection_symbol": capture_rejection_symbol,
        "captureRejectionSymbol": capture_rejection_symbol,
        "default_max_listeners": 10,
        "defaultMaxListeners": 10,
        "capture_rejections": False,
        "captureRejections": False,
    })
    if _EmitterType._public:
        for name in _CLASS_SETTINGS:
            type.__setattr__(cls, name, getattr(_EmitterType._public[0], name))
    _EmitterType._public.append(cls)
    return add_aliases(cls, EMITTER_ALIASES)


