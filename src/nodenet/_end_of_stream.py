"""``finished()``: a callback once a stream is done, failed or closed too early (Node's
streams/end-of-stream.js)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet import _stream_utils as u
from nodenet._abort import check_signal
from nodenet._tick import next_tick
from nodenet.errors import AbortError, NodeError, invalid_arg_type


def premature_close() -> NodeError:
    return NodeError("ERR_STREAM_PREMATURE_CLOSE", "Premature close")


def _once(callback: Callable[..., Any]) -> Callable[..., Any]:
    called = False

    def call(*args: Any) -> None:
        nonlocal called
        if not called:
            called = True
            callback(*args)

    return call


def finished(stream: Any, options: Any = None,
             callback: Callable[..., Any] | None = None) -> Callable[[], None]:
    """Call ``callback()`` once ``stream`` has ended and/or finished (as its sides require),
    or ``callback(err)`` on its error or a premature close. ``options``: Node's ``readable``,
    ``writable`` (which sides to wait for), ``error`` (False: do not listen for 'error'),
    ``signal``. Returns a function that removes every listener this added."""
    if callback is None:  # finished(stream, callback)
        callback, options = options, None
    opts: dict[str, Any] = {} if options is None else options
    if not isinstance(opts, dict):
        raise invalid_arg_type("options", "of type object", options)
    if not callable(callback):
        raise invalid_arg_type("callback", "of type function", callback)
    signal = opts.get("signal")
    if signal is not None:
        check_signal(signal, "options.signal")
    if not u.is_node_stream(stream):
        raise invalid_arg_type("stream", "an instance of ReadableStream, WritableStream, or "
                               "Stream", stream)
    return _Watch(stream, opts, _once(callback)).start(signal)


class _Watch:
    """The listeners of one finished() call and what they saw."""

    def __init__(self, stream: Any, opts: dict[str, Any], callback: Callable[..., Any]) -> None:
        self.stream = stream
        self.opts = opts
        self.callback = callback
        readable = opts.get("readable")
        writable = opts.get("writable")
        self.readable = u.is_readable_node_stream(stream) if readable is None else readable
        self.writable = u.is_writable_node_stream(stream) if writable is None else writable
        self.will_emit_close = bool(
            u.will_emit_close(stream)
            and u.is_readable_node_stream(stream) == self.readable
            and u.is_writable_node_stream(stream) == self.writable)
        self.writable_finished = u.is_writable_finished(stream, False)
        self.readable_finished = u.is_readable_finished(stream, False)
        self.closed = u.is_closed(stream)

    def done(self, *args: Any) -> None:
        self.callback(*args)

    def on_legacy_finish(self, *args: Any) -> None:
        if not getattr(self.stream, "writable", None):
            self.on_finish()

    def on_finish(self, *args: Any) -> None:
        self.writable_finished = True
        if getattr(self.stream, "destroyed", False):
            self.will_emit_close = False
        if self.will_emit_close and (not getattr(self.stream, "readable", None)
                                     or self.readable):
            return
        if not self.readable or self.readable_finished:
            self.done()

    def on_end(self, *args: Any) -> None:
        self.readable_finished = True
        if getattr(self.stream, "destroyed", False):
            self.will_emit_close = False
        if self.will_emit_close and (not getattr(self.stream, "writable", None)
                                     or self.writable):
            return
        if not self.writable or self.writable_finished:
            self.done()

    def on_error(self, err: Any = None) -> None:
        self.done(err)

    def _errored(self) -> Any:
        return u.is_writable_errored(self.stream) or u.is_readable_errored(self.stream)

    def on_close(self, *args: Any) -> None:
        self.closed = True
        errored = self._errored()
        if errored is not None and not isinstance(errored, bool):
            self.done(errored)
            return
        stream = self.stream
        if self.readable and not self.readable_finished and \
                u.is_readable_node_stream(stream, True) and \
                not u.is_readable_finished(stream, False):
            self.done(premature_close())
            return
        if self.writable and not self.writable_finished and \
                not u.is_writable_finished(stream, False):
            self.done(premature_close())
            return
        self.done()

    def on_closed(self) -> None:
        self.closed = True
        errored = self._errored()
        if errored is not None and not isinstance(errored, bool):
            self.done(errored)
            return
        self.done()

    def start(self, signal: Any) -> Callable[[], None]:
        stream = self.stream
        w = getattr(stream, "_writable_state", None)
        r = getattr(stream, "_readable_state", None)
        if self.writable and w is None:  # a stream-like object without a state
            stream.on("end", self.on_legacy_finish)
            stream.on("close", self.on_legacy_finish)
        stream.on("end", self.on_end)
        stream.on("finish", self.on_finish)
        if self.opts.get("error") is not False:
            stream.on("error", self.on_error)
        stream.on("close", self.on_close)
        if self.closed:
            next_tick(self.on_close)
        elif (w is not None and w.error_emitted) or (r is not None and r.error_emitted):
            if not self.will_emit_close:
                next_tick(self.on_closed)
        elif (not self.readable and (not self.will_emit_close or u.is_readable(stream))
              and (self.writable_finished or u.is_writable(stream) is False)
              and (w is None or not w.pending_cb)):
            next_tick(self.on_closed)
        elif (not self.writable and (not self.will_emit_close or u.is_writable(stream))
              and (self.readable_finished or u.is_readable(stream) is False)):
            next_tick(self.on_closed)
        if signal is not None and not self.closed:
            self._watch_signal(signal)
        return self.cleanup

    def _watch_signal(self, signal: Any) -> None:
        def abort(*args: Any) -> None:
            callback = self.callback
            self.cleanup()
            callback(AbortError(cause=signal.reason))

        if signal.aborted:
            next_tick(abort)
            return
        signal.add_event_listener("abort", abort, once=True)
        original = self.callback

        def callback(*args: Any) -> None:
            signal.remove_event_listener("abort", abort)
            original(*args)

        self.callback = _once(callback)

    def cleanup(self) -> None:
        """Remove the listeners; the callback will not be called any more."""
        self.callback = _nop
        stream = self.stream
        for event, listener in (("end", self.on_legacy_finish), ("close", self.on_legacy_finish),
                                ("finish", self.on_finish), ("end", self.on_end),
                                ("error", self.on_error), ("close", self.on_close)):
            stream.remove_listener(event, listener)


def _nop(*args: Any) -> None:
    pass
