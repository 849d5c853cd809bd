"""``Readable``: Node's readable stream (streams/readable.js), in flowing or paused mode.

The class holds the public API; the machinery (adding chunks, ``read()``, scheduling
'readable'/'data'/'end', ``pipe()``, async iteration, ``from()``) is in ``_readable_flow``.
Option functions (``read``, ``destroy``, ``construct``) become the stream's ``_read``,
``_destroy`` and ``_construct`` and get Node's arguments only: there is no ``this``, so
they reach the stream through a closure (or subclass ``Readable`` instead).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet import _encodings
from nodenet import _stream_destroy as _destroy
from nodenet._node_names import add_aliases
from nodenet._stream_options import stream_options
from nodenet._tick import next_tick
from nodenet.errors import NodeError, invalid_arg_type

from . import _readable_flow as f
from ._readable_flow import push_chunk, read_stream, unshift_chunk  # (compiled: cimported)
from ._stream import Stream

READABLE_ALIASES: dict[str, str] = {
    "setEncoding": "set_encoding",
    "isPaused": "is_paused",
    "addListener": "add_listener",
    "removeListener": "remove_listener",
    "removeAllListeners": "remove_all_listeners",
    "readableAborted": "readable_aborted",
    "readableDidRead": "readable_did_read",
    "readableEncoding": "readable_encoding",
    "readableEnded": "readable_ended",
    "readableFlowing": "readable_flowing",
    "readableHighWaterMark": "readable_high_water_mark",
    "readableLength": "readable_length",
    "readableObjectMode": "readable_object_mode",
    "readableBuffer": "readable_buffer",
    "from": "from_",
}


class Readable(Stream):
    """Node's ``stream.Readable``: a source of chunks, read by 'data' (flowing mode),
    ``read()`` on 'readable' (paused mode), ``pipe()`` or ``async for``."""

    ReadableState = f.ReadableState

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        opts = stream_options(options, kwargs)
        Stream.__init__(self, opts)
        self._init_readable(opts, False)
        if callable(getattr(self, "_construct", None)):
            _destroy.construct(self, self._on_constructed)

    def _init_readable(self, options: dict[str, Any], is_duplex: bool) -> None:
        """The readable side's state and option functions (shared with Duplex)."""
        self._readable_state = f.ReadableState(options, self, is_duplex)
        for name in ("read", "destroy", "construct"):
            fn = options.get(name)
            if callable(fn):
                setattr(self, "_" + name, fn)
        if not is_duplex and options.get("signal") is not None:  # (a Duplex ties its own)
            from nodenet._add_abort_signal import add_abort_signal

            add_abort_signal(options["signal"], self)

    def _on_constructed(self) -> None:
        state = self._readable_state
        if state.need_readable:
            f.maybe_read_more(self, state)

    def _read(self, n: int) -> None:
        """Where a Readable gets its data: override it (or pass ``read=``) to ``push()``."""
        raise NodeError("ERR_METHOD_NOT_IMPLEMENTED", "The _read() method is not implemented")

    def _destroy(self, err: BaseException | None, cb: Callable[..., Any]) -> None:
        """What destroy() does for this stream; ``cb(err)`` when done."""
        cb(err)

    def destroy(self, error: BaseException | None = None,
                callback: Callable[..., Any] | None = None) -> Any:
        """Destroy the stream: 'error' (with ``error``) then 'close' follow on a tick."""
        return _destroy.destroy(self, error, callback)

    def _undestroy(self) -> None:
        _destroy.undestroy(self)

    def nodejs_rejection(self, err: BaseException, *args: Any) -> None:
        """A listener's awaitable failed (``capture_rejections``): destroy with its error."""
        self.destroy(err)

    # data in

    def push(self, chunk: Any, encoding: str | None = None) -> bool:
        """Add ``chunk`` (None: EOF); False once the buffer holds a high-water mark."""
        return push_chunk(self, self._readable_state, chunk, encoding)

    def unshift(self, chunk: Any, encoding: str | None = None) -> bool:
        """Put ``chunk`` back at the front of the buffer (what read() gave too much of)."""
        return unshift_chunk(self, self._readable_state, chunk, encoding)

    # data out

    def read(self, n: Any = None) -> Any:
        """Up to ``n`` bytes (all buffered when None; one object in object mode), or None
        when not that much is buffered yet."""
        return read_stream(self, n)

    def set_encoding(self, encoding: str | None) -> Readable:
        """Give chunks as ``str`` decoded from ``encoding`` (multi-byte characters whole)."""
        state = self._readable_state
        decoder = _encodings.decoder(encoding)
        state.decoder = decoder
        state.encoding = _encodings.normalize(encoding)
        content = "".join(f._decode(decoder, data) for data in state.buffer)
        state.buffer.clear()
        if content:
            state.buffer.append(content)
        state.length = len(content)
        return self

    def pause(self) -> Readable:
        """Stop 'data' events (flowing mode off); 'pause' if it was flowing."""
        state = self._readable_state
        if state.flowing is not False:
            state.flowing = False
            self.emit("pause")
        state.paused = True
        return self

    def resume(self) -> Readable:
        """Start flowing ('data' events) from the next tick; 'resume' then."""
        state = self._readable_state
        if not state.flowing:
            # Nothing flows while 'readable' listeners are there, but resume() is noted.
            state.flowing = not state.readable_listening
            f.schedule_resume(self, state)
        state.paused = False
        return self

    def is_paused(self) -> bool:
        state = self._readable_state
        return state.paused is True or state.flowing is False

    def pipe(self, dest: Any, end: Any = True) -> Any:
        """Write every chunk to ``dest``, pausing while ``dest.write()`` returns False until
        its 'drain'; ``dest.end()`` at the end unless ``end=False`` (or ``{'end': False}``)."""
        if isinstance(end, dict):
            end = end.get("end") is not False
        return f.Pipe(self, dest, bool(end)).start()

    def unpipe(self, dest: Any = None) -> Readable:
        """Stop piping to ``dest`` (every destination when None)."""
        return f.unpipe(self, dest)  # type: ignore[no-any-return]

    def __aiter__(self) -> f.ReadableIterator:
        return f.ReadableIterator(self)

    def iterator(self, options: dict[str, Any] | None = None) -> f.ReadableIterator:
        """An async iterator; ``{'destroyOnReturn': False}`` leaves the stream undestroyed
        when the loop is left early."""
        if options is not None and not isinstance(options, dict):
            raise invalid_arg_type("options", "of type object", options)
        return f.ReadableIterator(self, (options or {}).get("destroyOnReturn") is not False)

    @classmethod
    def from_(cls, iterable: Any, options: dict[str, Any] | None = None,
              **kwargs: Any) -> Any:
        """A stream of the items of a sync or async iterable (object mode by default); a
        ``str`` or ``bytes`` is one chunk. ``Readable.from`` in Node."""
        return f.readable_from(cls, iterable, stream_options(options, kwargs))

    # listeners: 'data' starts flowing, 'readable' switches to paused mode

    def on(self, event: Any, listener: Any = None) -> Any:
        if listener is None:
            return self._decorator(self.on, event)
        res = Stream.on(self, event, listener)
        f.on_listener_added(self, event)
        return res

    add_listener = on

    def once(self, event: Any, listener: Any = None) -> Any:
        if listener is None:
            return self._decorator(self.once, event)
        res = Stream.once(self, event, listener)
        f.on_listener_added(self, event)
        return res

    @staticmethod
    def _decorator(add: Callable[[Any, Any], Any], event: Any) -> Callable[[Any], Any]:
        def decorate(fn: Any) -> Any:
            add(event, fn)
            return fn
        return decorate

    def remove_listener(self, event: Any, listener: Any) -> Any:
        res = Stream.remove_listener(self, event, listener)
        if event == "readable":
            # On the next tick, so that once('readable') cycles keep paused mode.
            next_tick(f.update_readable_listening, self)
        elif event == "data" and self.listener_count("data") == 0:
            self._readable_state.data_listening = False
        return res

    off = remove_listener

    def remove_all_listeners(self, event: Any = None) -> Any:
        res = Stream.remove_all_listeners(self, event)
        if event is None or event == "readable":
            next_tick(f.update_readable_listening, self)
        return res

    # properties

    @property
    def readable(self) -> bool:
        r = self._readable_state
        return bool(r is not None and r.readable is not False and not r.destroyed
                    and not r.error_emitted and not r.end_emitted)

    @readable.setter
    def readable(self, value: Any) -> None:
        if self._readable_state is not None:
            self._readable_state.readable = bool(value)

    @property
    def readable_did_read(self) -> bool:
        return bool(self._readable_state.data_emitted)

    @property
    def readable_aborted(self) -> bool:
        r = self._readable_state
        return bool(r.readable is not False and (r.destroyed or r.errored is not None)
                    and not r.end_emitted)

    @property
    def readable_high_water_mark(self) -> int:
        return int(self._readable_state.high_water_mark)

    @property
    def readable_buffer(self) -> Any:
        r = self._readable_state
        return r.buffer if r is not None else None

    @property
    def readable_flowing(self) -> bool | None:
        return self._readable_state.flowing  # type: ignore[no-any-return]

    @readable_flowing.setter
    def readable_flowing(self, value: bool | None) -> None:
        if self._readable_state is not None:
            self._readable_state.flowing = None if value is None else bool(value)

    @property
    def readable_length(self) -> int:
        return int(self._readable_state.length)

    @property
    def readable_object_mode(self) -> bool:
        r = self._readable_state
        return bool(r.object_mode) if r is not None else False

    @property
    def readable_encoding(self) -> str | None:
        r = self._readable_state
        return r.encoding if r is not None else None

    @property
    def readable_ended(self) -> bool:
        r = self._readable_state
        return bool(r.end_emitted) if r is not None else False

    @property
    def errored(self) -> BaseException | None:
        r = self._readable_state
        return r.errored if r is not None else None

    @property
    def closed(self) -> bool:
        r = self._readable_state
        return bool(r.closed) if r is not None else False

    @property
    def destroyed(self) -> bool:
        r = self._readable_state
        return bool(r.destroyed) if r is not None else False

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        if self._readable_state is not None:  # the user manages it by hand
            self._readable_state.destroyed = value


add_aliases(Readable, READABLE_ALIASES)
