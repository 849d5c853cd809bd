"""``AbortController`` and ``AbortSignal``: cancel ``once()``, ``on()`` and ``listen()``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._emitter import EventEmitter as _EmitterCore
from ._emitter_class import public_class
from ._loop import get_loop
from .errors import AbortError, invalid_arg_type

#: A signal's listeners live in an emitter of its own: a pure one (a signal is not a hot
#: path), which keeps this module out of the implementation family's imports.
_SignalEmitter = public_class(_EmitterCore)


class AbortSignal:
    """Tells its listeners, once, that an operation was aborted (``'abort'`` event)."""

    def __init__(self) -> None:
        self.aborted = False
        self.reason: Any = None
        self._emitter = _SignalEmitter()

    @classmethod
    def abort(cls, reason: Any = None) -> "AbortSignal":
        """A signal that is already aborted (Node's ``AbortSignal.abort()``)."""
        signal = cls()
        signal._abort(reason)
        return signal

    def on(self, event: str, listener: Callable[..., Any]) -> "AbortSignal":
        self._emitter.on(event, listener)
        return self

    def once(self, event: str, listener: Callable[..., Any]) -> "AbortSignal":
        self._emitter.once(event, listener)
        return self

    def off(self, event: str, listener: Callable[..., Any]) -> "AbortSignal":
        self._emitter.off(event, listener)
        return self

    remove_listener = off

    def add_event_listener(self, event: str, listener: Callable[..., Any], *,
                           once: bool = False) -> None:
        """EventTarget's spelling: the listener gets the signal itself; a listener already
        added for ``event`` is not added again (EventTarget's rule)."""
        if listener in self._emitter.listeners(event):
            return
        (self._emitter.once if once else self._emitter.on)(event, listener)

    def remove_event_listener(self, event: str, listener: Callable[..., Any]) -> None:
        self._emitter.off(event, listener)

    addEventListener = add_event_listener
    removeEventListener = remove_event_listener

    def listeners(self, event: str) -> list[Any]:
        return self._emitter.listeners(event)  # type: ignore[no-any-return]

    def listener_count(self, event: str) -> int:
        return self._emitter.listener_count(event)  # type: ignore[no-any-return]

    def throw_if_aborted(self) -> None:
        """Raise the reason if the signal was aborted (a reason that is not an exception is
        the ``cause`` of an ``AbortError``)."""
        if self.aborted:
            if isinstance(self.reason, BaseException):
                raise self.reason
            raise AbortError(cause=self.reason)

    throwIfAborted = throw_if_aborted

    def _abort(self, reason: Any) -> None:
        if self.aborted:
            return
        self.aborted = True
        self.reason = AbortError("This operation was aborted") if reason is None else reason
        listeners = self._emitter.listeners("abort")
        self._emitter.remove_all_listeners()
        for listener in listeners:
            try:
                listener(self)
            except Exception as exc:  # noqa: BLE001 - EventTarget reports it, the rest still run
                get_loop().call_exception_handler(
                    {"message": "Exception in an 'abort' listener", "exception": exc}
                )


class AbortController:
    """Owns an ``AbortSignal`` and aborts it."""

    def __init__(self) -> None:
        self.signal = AbortSignal()

    def abort(self, reason: Any | None = None) -> None:
        """Abort the signal with ``reason`` (an ``AbortError`` by default)."""
        self.signal._abort(reason)


def check_signal(signal: Any, name: str = "options.signal") -> None:
    """Raise ``ERR_INVALID_ARG_TYPE`` unless ``signal`` is None or an ``AbortSignal``."""
    if signal is not None and not isinstance(signal, AbortSignal):
        raise invalid_arg_type(name, "an instance of AbortSignal", signal)


def abort_error(signal: Any) -> AbortError:
    """The error an operation aborted by ``signal`` fails with (its reason as the cause)."""
    return AbortError(cause=signal.reason)


def when_aborted(signal: Any, action: Callable[[], Any]) -> None:
    """Call ``action()`` once ``signal`` aborts; on the next loop turn if it already has."""
    if signal.aborted:
        get_loop().call_soon(action)
    else:
        signal.add_event_listener("abort", lambda *_: action(), once=True)
