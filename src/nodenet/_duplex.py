"""``Duplex``: a Readable and a Writable in one stream (Node's streams/duplex.js)."""

from __future__ import annotations

from typing import Any

from nodenet import _stream_destroy as _destroy
from nodenet._stream_options import stream_options

from ._readable import Readable
from ._stream import Stream
from ._writable import Writable


class Duplex(Readable, Writable):
    """Both sides; ``allow_half_open`` (default True) keeps the writable side open after the
    readable side ended. Readable's methods come first, as in Node; ``destroy`` is Writable's."""

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        opts = stream_options(options, kwargs)
        Stream.__init__(self, opts)
        self._init_readable(opts, True)
        self._init_writable(opts, True)
        self.allow_half_open = opts.get("allowHalfOpen") is not False
        r, w = self._readable_state, self._writable_state
        if opts.get("readable") is False:
            r.readable = False
            r.ended = r.end_emitted = True
        if opts.get("writable") is False:
            w.writable = False
            w.ending = w.ended = w.finished = True
        signal = opts.get("signal")
        if signal is not None:
            from nodenet._add_abort_signal import add_abort_signal

            add_abort_signal(signal, self)
        if callable(getattr(self, "_construct", None)):
            _destroy.construct(self, self._on_constructed)

    # Writable's: pending write and end callbacks get ERR_STREAM_DESTROYED
    destroy = Writable.destroy

    def _on_constructed(self) -> None:
        Readable._on_constructed(self)
        Writable._on_constructed(self)

    @property
    def destroyed(self) -> bool:
        r, w = self._readable_state, self._writable_state
        if r is None or w is None:
            return False
        return bool(r.destroyed and w.destroyed)

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        r, w = self._readable_state, self._writable_state
        if r is not None and w is not None:
            r.destroyed = w.destroyed = value

    @property
    def allowHalfOpen(self) -> bool:
        return self.allow_half_open

    @allowHalfOpen.setter
    def allowHalfOpen(self, value: bool) -> None:
        self.allow_half_open = value
