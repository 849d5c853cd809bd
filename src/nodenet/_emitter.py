"""The pure-Python EventEmitter core: the fallback twin of the compiled ``_emitter``.

Listeners of an event are kept in a tuple that is replaced, never changed in place, so
``emit`` iterates a snapshot for free: listeners added or removed during an emit take
effect from the next emit on (Node's rule).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

from ._emitter_common import (
    check_capture,
    check_listener,
    check_max_listeners,
    default_capture,
    error_monitor,
    get_state,
    handle_result,
    raise_unhandled,
    reduce_emitter,
    reduce_once,
    set_state,
    warn_max_listeners,
)

Listener = Callable[..., Any]
_F = TypeVar("_F", bound=Callable[..., Any])
_Self = TypeVar("_Self", bound="EventEmitter")


class OnceWrapper:
    """Stands in for a ``once`` listener until its first call; ``.listener`` is the original."""

    __slots__ = ("target", "event", "listener", "fired")

    def __init__(self, target: Any, event: Any, listener: Listener) -> None:
        self.target = target
        self.event = event
        self.listener = listener
        self.fired = False

    def __call__(self, *args: Any) -> Any:
        if not self.fired:
            self.target.remove_listener(self.event, self)
            self.fired = True
            return self.listener(*args)
        return None

    def __reduce__(self) -> tuple[Any, ...]:
        return reduce_once(self)

    def __repr__(self) -> str:
        return f"<once wrapper of {self.listener!r}>"


def _matches(item: Any, listener: Any) -> bool:
    return item == listener or (type(item) is OnceWrapper and item.listener == listener)


class EventEmitter:
    """Node's EventEmitter (pure Python)."""

    __slots__ = ("_events", "_max_listeners", "_capture", "_warned")

    _events: dict[Any, tuple[Listener, ...]]
    _max_listeners: float | None
    _capture: bool
    _warned: set[Any] | None

    def __new__(cls, *args: Any, **kwargs: Any) -> "EventEmitter":
        self = super().__new__(cls)
        self._events = {}
        self._max_listeners = None
        self._capture = default_capture(cls)
        self._warned = None
        return self

    def __init__(self, options: dict[str, Any] | None = None, *,
                 capture_rejections: bool | None = None) -> None:
        if options is not None and capture_rejections is None:
            capture_rejections = options.get("captureRejections")
        if capture_rejections is not None:
            self._capture = check_capture(capture_rejections)

    def __getstate__(self) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """The state ``copy`` and ``pickle`` take: (``__dict__``, fields), as the compiled twin."""
        return get_state(self)

    def __setstate__(self, state: tuple[dict[str, Any] | None, dict[str, Any]]) -> None:
        set_state(self, state)

    def __reduce__(self) -> tuple[Any, ...]:
        return reduce_emitter(self)

    # adding

    def _add(self, event: Any, listener: Any, prepend: bool) -> Any:
        check_listener(listener)
        events = self._events
        if "newListener" in events:
            self.emit(
                "newListener",
                event,
                listener.listener if type(listener) is OnceWrapper else listener,
            )
        existing = events.get(event)
        if existing is None:
            events[event] = (listener,)
            return self
        existing = (listener,) + existing if prepend else existing + (listener,)
        events[event] = existing
        limit = self._max_listeners
        if limit is None:
            limit = type(self).default_max_listeners  # type: ignore[attr-defined]
        if 0 < limit < len(existing):
            warned = self._warned
            if warned is None:
                warned = self._warned = set()
            if event not in warned:
                warned.add(event)
                warn_max_listeners(self, event, len(existing), limit)
        return self

    def _register(self, event: Any, listener: Any, prepend: bool, once: bool) -> Any:
        if listener is None:
            def decorate(fn: _F) -> _F:
                self._register(event, fn, prepend, once)
                return fn
            return decorate
        if once:
            check_listener(listener)
            listener = OnceWrapper(self, event, listener)
        return self._add(event, listener, prepend)

    @overload
    def on(self, event: Any, listener: None = None) -> Callable[[_F], _F]: ...
    @overload
    def on(self: _Self, event: Any, listener: Listener) -> _Self: ...
    def on(self, event: Any, listener: Listener | None = None) -> Any:
        """Add ``listener`` for ``event``; with no listener, return a decorator."""
        return self._register(event, listener, False, False)

    add_listener = on

    @overload
    def prepend_listener(self, event: Any, listener: None = None) -> Callable[[_F], _F]: ...
    @overload
    def prepend_listener(self: _Self, event: Any, listener: Listener) -> _Self: ...
    def prepend_listener(self, event: Any, listener: Listener | None = None) -> Any:
        """Add ``listener`` at the front of ``event``'s listeners."""
        return self._register(event, listener, True, False)

    @overload
    def once(self, event: Any, listener: None = None) -> Callable[[_F], _F]: ...
    @overload
    def once(self: _Self, event: Any, listener: Listener) -> _Self: ...
    def once(self, event: Any, listener: Listener | None = None) -> Any:
        """Add ``listener`` for the next ``event`` only."""
        return self._register(event, listener, False, True)

    @overload
    def prepend_once_listener(self, event: Any, listener: None = None) -> Callable[[_F], _F]: ...
    @overload
    def prepend_once_listener(self: _Self, event: Any, listener: Listener) -> _Self: ...
    def prepend_once_listener(self, event: Any, listener: Listener | None = None) -> Any:
        """Add ``listener`` at the front, for the next ``event`` only."""
        return self._register(event, listener, True, True)

    # removing

    def remove_listener(self: _Self, event: Any, listener: Listener) -> _Self:
        """Remove the most recently added ``listener`` of ``event``; emit 'removeListener'."""
        check_listener(listener)
        events = self._events
        existing = events.get(event)
        if existing is None:
            return self
        position = len(existing) - 1
        while position >= 0 and not _matches(existing[position], listener):
            position -= 1
        if position < 0:
            return self
        removed = existing[position]
        if len(existing) == 1:
            del events[event]
            if self._warned:
                self._warned.discard(event)
            if "removeListener" in events:
                self.emit(
                    "removeListener",
                    event,
                    removed.listener if type(removed) is OnceWrapper else listener,
                )
            return self
        events[event] = existing[:position] + existing[position + 1:]
        if len(existing) == 2 and self._warned:
            self._warned.discard(event)
        if "removeListener" in events:
            self.emit("removeListener", event, listener)
        return self

    off = remove_listener
    _remove = remove_listener  # the compiled core's C-level name for it

    def remove_all_listeners(self: _Self, event: Any = None) -> _Self:
        """Remove all listeners (of ``event``, or of every event), last added first."""
        events = self._events
        if "removeListener" not in events:
            if event is None:
                events.clear()
                self._warned = None
            elif events.pop(event, None) is not None and self._warned:
                self._warned.discard(event)
            return self
        if event is None:
            for key in list(events):
                if key != "removeListener":
                    self.remove_all_listeners(key)
            self.remove_all_listeners("removeListener")
            events.clear()
            self._warned = None
            return self
        existing = events.get(event)
        if existing is not None:
            for listener in reversed(existing):
                self.remove_listener(event, listener)
        return self

    # emitting

    def emit(self, event: Any, *args: Any) -> bool:
        """Call ``event``'s listeners in order with ``args``; True if there were any."""
        events = self._events
        if error_monitor in events and event == "error":
            self.emit(error_monitor, *args)
        listeners = events.get(event)
        if listeners is None:
            if event == "error":
                raise_unhandled(args)
            return False
        for listener in listeners:
            result = listener(*args)
            if result is not None and result is not True and result is not False:
                handle_result(self, self._capture, result, event, args)
        return True

    # inspecting

    def _emit_args(self, event: Any, args: tuple[Any, ...]) -> bool:
        """``emit(event, *args)``: the compiled core's C-level entry, here a plain call."""
        return self.emit(event, *args)

    def listeners(self, event: Any) -> list[Listener]:
        """A copy of ``event``'s listeners, once-wrappers unwrapped."""
        return [
            item.listener if type(item) is OnceWrapper else item
            for item in self._events.get(event, ())
        ]

    def raw_listeners(self, event: Any) -> list[Listener]:
        """A copy of ``event``'s listeners, once-wrappers included."""
        return list(self._events.get(event, ()))

    def listener_count(self, event: Any, listener: Listener | None = None) -> int:
        """How many listeners ``event`` has (that are, or wrap, ``listener`` if given)."""
        existing = self._events.get(event, ())
        if listener is None:
            return len(existing)
        return sum(1 for item in existing if _matches(item, listener))

    def event_names(self) -> list[Any]:
        """The events that have listeners, in the order they were first added."""
        return list(self._events)

    def set_max_listeners(self: _Self, n: float) -> _Self:
        """Warn when an event passes ``n`` listeners (``0`` or ``math.inf``: never)."""
        self._max_listeners = check_max_listeners(n)
        return self

    def get_max_listeners(self) -> float:
        """This emitter's limit, or the class's ``default_max_listeners``."""
        if self._max_listeners is None:
            return type(self).default_max_listeners  # type: ignore[attr-defined, no-any-return]
        return self._max_listeners
