"""``Transform``: a Duplex whose output is computed from its input (Node's
streams/transform.js); ``PassThrough`` is the one that changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet._stream_options import get_high_water_mark, stream_options
from nodenet._tick import next_tick
from nodenet.errors import NodeError

from ._duplex import Duplex
from ._readable_flow import ReadableState
from ._writable import WritableState

try:
    import cython  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # pure-Python install: nothing here is compiled
    from nodenet import _no_cython as cython


class Transform(Duplex):
    """Implement ``_transform(chunk, encoding, callback)`` (and ``_flush(callback)``), or pass
    them as the options ``transform`` and ``flush``; ``callback(None, data)`` pushes data."""

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        opts = stream_options(options, kwargs)
        if opts:
            readable_hwm = get_high_water_mark(opts, "readableHighWaterMark", True,
                                               bool(opts.get("objectMode")
                                                    or opts.get("readableObjectMode")))
            if readable_hwm == 0:
                opts = {**opts, "highWaterMark": None, "readableHighWaterMark": 0,
                        "writableHighWaterMark": opts.get("writableHighWaterMark") or 0}
        Duplex.__init__(self, opts)
        self._readable_state.sync = False
        self._pending_callback: Callable[..., Any] | None = None
        for option in ("transform", "flush"):
            if callable(opts.get(option)):
                setattr(self, "_" + option, opts[option])
        self.on("prefinish", self._prefinish)

    def _final(self, callback: Callable[..., Any] | None = None) -> None:
        flush = getattr(self, "_flush", None)
        if callable(flush) and not self.destroyed:
            def flushed(err: Any = None, data: Any = None, *_: Any) -> None:
                if err is not None:
                    if callback is not None:
                        callback(err)
                    else:
                        self.destroy(err)
                    return
                if data is not None:
                    self.push(data)
                self.push(None)
                if callback is not None:
                    callback()

            flush(flushed)
        else:
            self.push(None)
            if callback is not None:
                callback()

    def _prefinish(self) -> None:
        # a user's own _final (an option or an override) replaces the flush step
        if getattr(self._final, "__func__", None) is not Transform._final:
            Transform._final(self)

    def _transform(self, chunk: Any, encoding: str, callback: Callable[..., Any]) -> None:
        raise NodeError("ERR_METHOD_NOT_IMPLEMENTED", "The _transform() method is not implemented")

    def _write(self, chunk: Any, encoding: str, callback: Callable[..., Any]) -> None:
        self._transform(chunk, encoding, _Transformed(self, callback))

    def _read(self, size: Any = None) -> None:
        callback = self._pending_callback
        if callback is not None:
            self._pending_callback = None
            callback()


@cython.binding(False)  # methods check their self's type (see setup.py)
class _Transformed:
    """The callback ``_transform`` gets for one chunk: ``(err, value)`` pushes ``value``,
    then lets the next chunk come unless the readable side is full."""

    __slots__ = ("stream", "callback", "length")

    def __init__(self, stream: Any, callback: Callable[..., Any]) -> None:
        self.stream = stream
        self.callback = callback
        #: The readable side's length before this chunk: unchanged, nothing was pushed.
        self.length = stream._readable_state.length

    @cython.locals(r=ReadableState, w=WritableState)  # type: ignore[untyped-decorator,unused-ignore]
    def __call__(self, err: Any = None, value: Any = None, *_: Any) -> None:
        stream, callback = self.stream, self.callback
        if err is not None:
            callback(err)
            return
        if value is not None:
            stream.push(value)
        r, w = stream._readable_state, stream._writable_state
        if r.ended:
            next_tick(callback)
        elif w.ended or self.length == r.length or r.length < r.high_water_mark:
            callback()
        else:
            stream._pending_callback = callback


class PassThrough(Transform):
    """A Transform that passes every chunk through unchanged."""

    def _transform(self, chunk: Any, encoding: str, callback: Callable[..., Any]) -> None:
        callback(None, chunk)
