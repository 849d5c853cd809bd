"""Node's ``events`` module: ``EventEmitter`` and its helpers.

``EventEmitter`` is the class of the implementation nodenet runs (compiled when it was
built and ``NODENET_NO_EXTENSIONS`` is unset, see nodenet._impl); ``PyEventEmitter`` is the
pure-Python twin, always here.
"""

from __future__ import annotations

import sys
import types
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
)

from . import _emitter, _impl
from ._abort import AbortController, AbortSignal
from ._awaiting import on, once
from ._emitter_class import _EmitterType, public_class
from ._emitter_common import (
    capture_rejection_symbol,
    check_max_listeners,
    error_monitor,
)
from .errors import (
    AbortError,
    MaxListenersExceededWarning,
    invalid_arg_type,
)

__all__ = [
    "EventEmitter",
    "PyEventEmitter",
    "CEventEmitter",
    "IMPLEMENTATION",
    "once",
    "on",
    "get_event_listeners",
    "set_max_listeners",
    "get_max_listeners",
    "listener_count",
    "error_monitor",
    "capture_rejection_symbol",
    "AbortController",
    "AbortSignal",
    "AbortError",
    "MaxListenersExceededWarning",
]


if TYPE_CHECKING:
    class EventEmitter(_emitter.EventEmitter, metaclass=_EmitterType):
        """What type checkers see: the public class, with the names ``public_class`` adds."""

        error_monitor: ClassVar[Any]
        errorMonitor: ClassVar[Any]
        capture_rejection_symbol: ClassVar[str]
        captureRejectionSymbol: ClassVar[str]
        addListener = _emitter.EventEmitter.add_listener
        prependListener = _emitter.EventEmitter.prepend_listener
        prependOnceListener = _emitter.EventEmitter.prepend_once_listener
        removeListener = _emitter.EventEmitter.remove_listener
        removeAllListeners = _emitter.EventEmitter.remove_all_listeners
        rawListeners = _emitter.EventEmitter.raw_listeners
        listenerCount = _emitter.EventEmitter.listener_count
        eventNames = _emitter.EventEmitter.event_names
        setMaxListeners = _emitter.EventEmitter.set_max_listeners
        getMaxListeners = _emitter.EventEmitter.get_max_listeners

    PyEventEmitter = EventEmitter
    CEventEmitter: type[EventEmitter] | None
else:
    #: The public class of the implementation nodenet runs (see nodenet._impl).
    EventEmitter = public_class(_impl.selected.emitter.EventEmitter)
    #: The public class over each twin (the compiled one: None when it is not in use).
    PyEventEmitter = public_class(_emitter.EventEmitter)
    CEventEmitter = EventEmitter if _impl.IMPLEMENTATION == "cython" else None

IMPLEMENTATION = _impl.IMPLEMENTATION


def get_event_listeners(emitter_or_target: Any, name: Any) -> list[Any]:
    """The listeners of ``name`` on an emitter or an ``AbortSignal``."""
    if isinstance(emitter_or_target, AbortSignal):
        return emitter_or_target.listeners(name)
    if hasattr(emitter_or_target, "listeners") and hasattr(emitter_or_target, "emit"):
        return emitter_or_target.listeners(name)  # type: ignore[no-any-return]
    raise invalid_arg_type(
        "emitter", "an instance of EventEmitter or EventTarget", emitter_or_target
    )


def set_max_listeners(n: float = 10, *emitters: Any) -> None:
    """Set the limit on ``emitters``, or the global default when none is given."""
    check_max_listeners(n)
    if not emitters:
        PyEventEmitter.default_max_listeners = n
        return
    for emitter in emitters:
        if isinstance(emitter, AbortSignal):
            emitter._emitter.set_max_listeners(n)
        elif hasattr(emitter, "set_max_listeners"):
            emitter.set_max_listeners(n)
        else:
            raise invalid_arg_type(
                "eventTargets", "an instance of EventEmitter or EventTarget", emitter
            )


def get_max_listeners(emitter_or_target: Any) -> float:
    """The listener limit of an emitter or an ``AbortSignal``."""
    if isinstance(emitter_or_target, AbortSignal):
        return emitter_or_target._emitter.get_max_listeners()  # type: ignore[no-any-return]
    if callable(getattr(emitter_or_target, "get_max_listeners", None)):
        return emitter_or_target.get_max_listeners()  # type: ignore[no-any-return]
    raise invalid_arg_type(
        "emitter", "an instance of EventEmitter or EventTarget", emitter_or_target
    )


def listener_count(emitter: Any, event: Any) -> int:
    """Deprecated in Node, kept for ports: ``emitter.listener_count(event)``."""
    return emitter.listener_count(event)  # type: ignore[no-any-return]


getEventListeners = get_event_listeners
setMaxListeners = set_max_listeners
getMaxListeners = get_max_listeners
listenerCount = listener_count
errorMonitor = error_monitor
captureRejectionSymbol = capture_rejection_symbol


class _EventsModule(types.ModuleType):
    """Node's ``events.defaultMaxListeners`` and ``events.captureRejections``: the module
    attributes are the class-wide settings, read and validated on assignment."""

    @property
    def default_max_listeners(self) -> float:
        return PyEventEmitter.default_max_listeners

    @default_max_listeners.setter
    def default_max_listeners(self, n: float) -> None:
        PyEventEmitter.default_max_listeners = n

    defaultMaxListeners = default_max_listeners

    @property
    def capture_rejections(self) -> bool:
        return PyEventEmitter.capture_rejections

    @capture_rejections.setter
    def capture_rejections(self, value: bool) -> None:
        PyEventEmitter.capture_rejections = value

    captureRejections = capture_rejections


sys.modules[__name__].__class__ = _EventsModule
