"""``Writable``: Node 20's writable stream (streams/writable.js) on nodenet's ticks.

The stream buffers what ``write()`` gets while its ``_write`` is busy, corked or still
being constructed, reports back-pressure through ``write()``'s result and 'drain', and
ends with ``_final``, 'prefinish' and 'finish'. Which steps are synchronous and which
wait for a ``next_tick`` follows Node exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from nodenet import _encodings
from nodenet import _stream_destroy as destroy_impl
from nodenet._emitter_common import capture_rejection_symbol
from nodenet._node_names import add_aliases
from nodenet._stream_destroy import error_or_destroy, multiple_callback, stream_destroyed
from nodenet._stream_options import get_high_water_mark, stream_options
from nodenet._tick import next_tick
from nodenet.errors import NodeError, NodeTypeError, invalid_arg_type

from ._stream import Stream

try:
    import cython  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # pure-Python install: nothing here is compiled
    from nodenet import _no_cython as cython

Callback = Callable[..., Any]


def _nop(*args: Any) -> None:
    """The write callback of a ``write()`` that got none."""


@cython.binding(False)
class WriteRequest:
    """One buffered ``write()``: what ``writable_buffer`` lists and ``_writev`` receives."""

    __slots__ = ("chunk", "encoding", "callback")

    def __init__(self, chunk: Any, encoding: str, callback: Callback) -> None:
        self.chunk = chunk
        self.encoding = encoding
        self.callback = callback

    def __repr__(self) -> str:
        return f"WriteRequest({self.chunk!r}, {self.encoding!r})"


class WriteChunks(list[WriteRequest]):
    """The requests ``_writev(chunks, callback)`` gets; ``all_buffers``: all are ``bytes``."""

    all_buffers = False

    @property
    def allBuffers(self) -> bool:
        return self.all_buffers


class _EachCallback:
    """The callback of one ``_writev``: calls each request's own."""

    __slots__ = ("requests",)

    def __init__(self, requests: list[WriteRequest]) -> None:
        self.requests = requests

    def __call__(self, *err: Any) -> None:
        for req in self.requests:
            req.callback(*err)


@cython.binding(False)
class _OnWrite:
    """The callback ``_write``/``_writev`` get (a state's ``onwrite``): the stream's
    ``_onwrite``."""

    __slots__ = ("stream",)

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __call__(self, er: BaseException | None = None) -> None:
        _onwrite(self.stream, er)


@cython.binding(False)
class _AfterWriteTickInfo:
    """Synchronous completions of writes with the same callback, counted into one tick."""

    __slots__ = ("count", "cb", "stream", "state")

    def __init__(self, cb: Callback, stream: Any, state: "WritableState") -> None:
        self.count = 1
        self.cb = cb
        self.stream = stream
        self.state = state


@cython.binding(False)
class WritableState:
    """The writable side's state (Node's WritableState, one attribute per bit)."""

    __slots__ = (
        "object_mode", "high_water_mark", "final_called", "need_drain", "ending", "ended",
        "finished", "destroyed", "decode_strings", "default_encoding", "length", "writing",
        "corked", "sync", "buffer_processing", "onwrite", "writecb", "writelen",
        "after_write_tick_info", "after_write_pending", "expect_write_cb", "buffered",
        "buffered_index", "all_buffers", "all_noop", "pending_cb", "constructed",
        "prefinished", "error_emitted", "emit_close", "auto_destroy", "errored", "closed",
        "close_emitted", "writable", "on_finished", "__weakref__",
    )

    def __init__(self, options: dict[str, Any] | None, stream: Any, is_duplex: bool) -> None:
        opts = options or {}
        self.object_mode = bool(opts.get("objectMode")) or \
            (is_duplex and bool(opts.get("writableObjectMode")))
        self.high_water_mark = get_high_water_mark(
            opts, "writableHighWaterMark", is_duplex, self.object_mode)
        self.decode_strings = opts.get("decodeStrings") is not False
        self.emit_close = opts.get("emitClose") is not False
        self.auto_destroy = opts.get("autoDestroy") is not False
        encoding = opts.get("defaultEncoding")
        if encoding is None or encoding in ("utf8", "utf-8"):
            encoding = "utf8"
        elif not _encodings.is_encoding(encoding):
            raise _encodings.unknown_encoding(encoding)
        self.default_encoding: str = encoding
        self.final_called = self.need_drain = self.ending = self.ended = False
        self.finished = self.destroyed = self.writing = self.buffer_processing = False
        self.prefinished = self.error_emitted = self.closed = self.close_emitted = False
        self.after_write_pending = self.expect_write_cb = False
        self.sync = True
        self.constructed = True
        self.length = 0
        self.corked = 0
        self.onwrite: Callback = _OnWrite(stream)
        self.writecb: Callback | None = None
        self.writelen = 0
        self.after_write_tick_info: _AfterWriteTickInfo | None = None
        self.pending_cb = 0
        self.errored: BaseException | None = None
        self.writable: bool | None = None
        self.on_finished: list[Callback] = []
        self.buffered: list[WriteRequest | None] = []
        self.buffered_index = 0
        self.all_buffers = self.all_noop = True

    def get_buffer(self) -> list[WriteRequest]:
        """The writes still waiting in the buffer."""
        return [req for req in self.buffered[self.buffered_index:] if req is not None]

    @property
    def buffered_request_count(self) -> int:
        return len(self.buffered) - self.buffered_index if self.buffered else 0

    # Node's names (set here: a compiled class takes no attributes after it is made)
    getBuffer = get_buffer

    @property
    def bufferedRequestCount(self) -> int:
        return self.buffered_request_count

    def on_constructed(self, stream: Any) -> None:
        """``_construct`` succeeded: start on what was written meanwhile (a Duplex calls it)."""
        if not self.writing:
            clear_buffer(stream, self)
        if self.ending:
            finish_maybe(stream, self)



def _reset_buffer(state: WritableState) -> None:
    state.buffered = []
    state.buffered_index = 0
    state.all_buffers = state.all_noop = True


class Writable(Stream):
    """Node's ``stream.Writable``: implement ``_write`` (or pass ``write=``) and use it."""

    _writev: Callback | None = None

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        opts = stream_options(options, kwargs)
        Stream.__init__(self, opts)
        self._init_writable(opts, False)
        destroy_impl.construct(self, self._on_constructed)

    def _init_writable(self, options: dict[str, Any], is_duplex: bool) -> None:
        """The writable side's state and the hooks ``options`` gives (also for a Duplex)."""
        self._writable_state = WritableState(options, self, is_duplex)
        for key in ("write", "writev", "destroy", "final", "construct"):
            if callable(options.get(key)):
                setattr(self, "_" + key, options[key])
        if not is_duplex and options.get("signal") is not None:  # (a Duplex ties its own)
            from nodenet._add_abort_signal import add_abort_signal

            add_abort_signal(options["signal"], self)

    def _on_constructed(self) -> None:
        """``_construct`` succeeded: start on the writes that waited for it."""
        self._writable_state.on_constructed(self)

    def pipe(self, *args: Any, **kwargs: Any) -> None:
        """A Writable cannot be piped: ERR_STREAM_CANNOT_PIPE."""
        error_or_destroy(self, NodeError("ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable"))

    def write(self, chunk: Any, encoding: Any = None, callback: Callback | None = None) -> bool:
        """Write ``chunk``; False when the buffer is over the high-water mark (wait for
        'drain'). ``encoding`` may be the callback."""
        if encoding is not None and callable(encoding):
            callback, encoding = encoding, None
        return _write_chunk(self, chunk, encoding, callback) is True

    def cork(self) -> None:
        """Buffer every write until as many ``uncork()`` calls (or ``end()``)."""
        self._writable_state.corked += 1

    def uncork(self) -> None:
        state = self._writable_state
        if state.corked:
            state.corked -= 1
            if not state.writing:
                clear_buffer(self, state)

    def set_default_encoding(self, encoding: Any) -> "Writable":
        """The encoding of string chunks written without one."""
        if isinstance(encoding, str):
            encoding = encoding.lower()
        if not _encodings.is_encoding(encoding):
            raise _encodings.unknown_encoding(encoding)
        self._writable_state.default_encoding = "utf8" if encoding == "utf-8" else encoding
        return self

    def _write(self, chunk: Any, encoding: str, callback: Callback) -> Any:
        if self._writev:
            return self._writev(WriteChunks([WriteRequest(chunk, encoding, _nop)]), callback)
        raise NodeError("ERR_METHOD_NOT_IMPLEMENTED", "The _write() method is not implemented")

    def end(self, chunk: Any = None, encoding: Any = None,
            callback: Callback | None = None) -> "Writable":
        """Write ``chunk`` (if any) and finish; ``callback`` gets 'finish' or the error."""
        state = self._writable_state
        if callable(chunk):
            callback, chunk, encoding = chunk, None, None
        elif callable(encoding):
            callback, encoding = encoding, None
        err: BaseException | None = None
        if chunk is not None:
            ret = _write_chunk(self, chunk, encoding, None)
            if isinstance(ret, BaseException):
                err = ret
        if state.corked:
            state.corked = 1
            self.uncork()
        if err is not None:
            pass
        elif not state.ending and state.errored is None:
            # Forgiving: end() again after the first one is no error.
            state.ending = True
            finish_maybe(self, state, True)
            state.ended = True
        elif state.finished:
            err = NodeError("ERR_STREAM_ALREADY_FINISHED",
                            "Cannot call end after a stream was finished")
        elif state.destroyed:
            err = stream_destroyed("end")
        if callable(callback):
            if err is not None:
                next_tick(callback, err)
            elif state.errored is not None:
                next_tick(callback, state.errored)
            elif state.finished:
                next_tick(callback)
            else:
                state.on_finished.append(callback)
        return self

    def destroy(self, error: BaseException | None = None,
                callback: Callback | None = None) -> "Writable":
        """Destroy the stream; pending write and end callbacks get an error on a tick."""
        state = self._writable_state
        if (state.buffered or state.on_finished) and not state.destroyed:
            next_tick(_error_buffer, state)
        destroy_impl.destroy(self, error, callback)
        return self

    def _undestroy(self) -> None:
        destroy_impl.undestroy(self)

    def _destroy(self, error: BaseException | None, callback: Callback) -> None:
        callback(error)

    def _capture_rejection(self, err: BaseException, event: Any, *args: Any) -> None:
        """A rejected listener's error destroys the stream."""
        self.destroy(err)

    @property
    def closed(self) -> bool:
        state: WritableState | None = self._writable_state
        return bool(state.closed) if state is not None else False

    @property
    def destroyed(self) -> bool:
        state: WritableState | None = self._writable_state
        return bool(state.destroyed) if state is not None else False

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        # Backwards compatibility: the user manages destroyed by hand.
        if self._writable_state is not None:
            self._writable_state.destroyed = bool(value)

    @property
    def writable(self) -> bool:
        w: WritableState | None = self._writable_state
        # w.writable is False for a Duplex whose writable side was turned off.
        return w is not None and w.writable is not False and not (
            w.ending or w.ended or w.destroyed or w.errored is not None)

    @writable.setter
    def writable(self, value: Any) -> None:
        if self._writable_state is not None:
            self._writable_state.writable = bool(value)

    @property
    def writable_finished(self) -> bool:
        state: WritableState | None = self._writable_state
        return bool(state.finished) if state is not None else False

    @property
    def writable_object_mode(self) -> bool:
        state: WritableState | None = self._writable_state
        return bool(state.object_mode) if state is not None else False

    @property
    def writable_buffer(self) -> list[WriteRequest] | None:
        state: WritableState | None = self._writable_state
        return state.get_buffer() if state is not None else None

    @property
    def writable_ended(self) -> bool:
        state: WritableState | None = self._writable_state
        return bool(state.ending) if state is not None else False

    @property
    def writable_need_drain(self) -> bool:
        state: WritableState | None = self._writable_state
        if state is None:
            return False
        return bool(state.need_drain and not state.destroyed and not state.ending)

    @property
    def writable_high_water_mark(self) -> int | None:
        state: WritableState | None = self._writable_state
        return state.high_water_mark if state is not None else None

    @property
    def writable_corked(self) -> int:
        state: WritableState | None = self._writable_state
        return state.corked if state is not None else 0

    @property
    def writable_length(self) -> int | None:
        state: WritableState | None = self._writable_state
        return state.length if state is not None else None

    @property
    def errored(self) -> BaseException | None:
        state: WritableState | None = self._writable_state
        return state.errored if state is not None else None

    @property
    def writable_aborted(self) -> bool:
        state: WritableState | None = self._writable_state
        return (state is not None and state.writable is not False
                and (state.destroyed or state.errored is not None) and not state.finished)


WRITABLE_ALIASES: dict[str, str] = {
    "setDefaultEncoding": "set_default_encoding",
    "writableHighWaterMark": "writable_high_water_mark",
    "writableLength": "writable_length",
    "writableObjectMode": "writable_object_mode",
    "writableBuffer": "writable_buffer",
    "writableCorked": "writable_corked",
    "writableEnded": "writable_ended",
    "writableFinished": "writable_finished",
    "writableNeedDrain": "writable_need_drain",
    "writableAborted": "writable_aborted",
}

add_aliases(Writable, WRITABLE_ALIASES)
setattr(Writable, capture_rejection_symbol, Writable._capture_rejection)
Writable.WritableState = WritableState


def _write_chunk(stream: Any, chunk: Any, encoding: Any,
                 cb: Callback | None) -> bool | BaseException:
    """Check and convert ``chunk``, then write or buffer it; the error of a write after
    end or destroy is returned (and goes to ``cb`` and the stream on a tick)."""
    state: WritableState = stream._writable_state
    if cb is None or not callable(cb):
        cb = _nop
    if chunk is None:
        raise NodeTypeError("ERR_STREAM_NULL_VALUES", "May not write null values to stream")
    if not state.object_mode:
        if not encoding:
            encoding = state.default_encoding
        elif encoding != "buffer" and not _encodings.is_encoding(encoding):
            raise _encodings.unknown_encoding(encoding)
        if isinstance(chunk, str):
            if state.decode_strings:
                chunk = _encodings.to_bytes(chunk, encoding)
                encoding = "buffer"
        elif isinstance(chunk, bytes):
            encoding = "buffer"
        elif isinstance(chunk, (bytearray, memoryview)):
            chunk = bytes(chunk)
            encoding = "buffer"
        else:
            raise invalid_arg_type(
                "chunk", "of type string or an instance of Buffer, TypedArray, or DataView",
                chunk)
    err: BaseException | None = None
    if state.ending:
        err = NodeError("ERR_STREAM_WRITE_AFTER_END", "write after end")
    elif state.destroyed:
        err = stream_destroyed("write")
    if err is not None:
        next_tick(cb, err)
        error_or_destroy(stream, err, True)
        return err
    state.pending_cb += 1
    return _write_or_buffer(stream, state, chunk, encoding, cb)


def _write_or_buffer(stream: Any, state: WritableState, chunk: Any, encoding: str,
                     callback: Callback) -> bool:
    """Pass the chunk to ``_write`` now if the stream is free, else queue it."""
    size = 1 if state.object_mode else len(chunk)
    state.length += size
    if state.writing or state.errored is not None or state.corked or not state.constructed:
        state.buffered.append(WriteRequest(chunk, encoding, callback))
        if state.all_buffers and encoding != "buffer":
            state.all_buffers = False
        if state.all_noop and callback is not _nop:
            state.all_noop = False
    else:
        state.writelen = size
        if callback is not _nop:
            state.writecb = callback
        state.writing = state.sync = state.expect_write_cb = True
        destroy_impl.run_hook(stream, stream._write(chunk, encoding, state.onwrite), "write")
        state.sync = False
    ret = state.length < state.high_water_mark or state.length == 0
    if not ret:
        state.need_drain = True
    # False once errored or destroyed, to break synchronous `while w.write(...)` loops.
    return ret and not state.destroyed and state.errored is None


def _do_write(stream: Any, state: WritableState, writev: bool, size: int, chunk: Any,
              encoding: str, cb: Callback) -> None:
    state.writelen = size
    if cb is not _nop:
        state.writecb = cb
    state.writing = state.sync = state.expect_write_cb = True
    if state.destroyed:
        state.onwrite(stream_destroyed("write"))
    elif writev:
        destroy_impl.run_hook(stream, stream._writev(chunk, state.onwrite), "writev")
    else:
        destroy_impl.run_hook(stream, stream._write(chunk, encoding, state.onwrite), "write")
    state.sync = False


def _onwrite_error(stream: Any, state: WritableState, er: BaseException, cb: Callback) -> None:
    state.pending_cb -= 1
    cb(er)
    # The buffered writes' callbacks too, even without autoDestroy (with their own error).
    _error_buffer(state)
    # This may emit 'error', which must come after the callback.
    error_or_destroy(stream, er)


def _onwrite(stream: Any, er: BaseException | None = None) -> None:
    """The callback ``_write``/``_writev`` get (bound to the stream)."""
    state: WritableState = stream._writable_state
    if not state.expect_write_cb:
        error_or_destroy(stream, multiple_callback())
        return
    sync = state.sync
    cb = state.writecb or _nop
    state.writecb = None
    state.writing = state.expect_write_cb = False
    state.length -= state.writelen
    state.writelen = 0
    if er is not None:
        if state.errored is None:
            state.errored = er
        # A Duplex: the readable side learns of the error too.
        rstate = stream._readable_state
        if rstate is not None and rstate.errored is None:
            rstate.errored = er
        if sync:
            next_tick(_onwrite_error, stream, state, er, cb)
        else:
            _onwrite_error(stream, state, er, cb)
        return
    if state.buffered:
        clear_buffer(stream, state)
    if not sync:
        _after_write(stream, state, 1, cb)
        return
    need_drain = state.need_drain and state.length == 0
    # Node 20 tests `kState & kDestroyed !== 0`, which is the object-mode bit: in object
    # mode a synchronous write's completion always waits for a tick.
    need_tick = need_drain or state.object_mode or cb is not _nop
    info = state.after_write_tick_info
    if cb is _nop:
        if not state.after_write_pending and need_tick:
            next_tick(_after_write, stream, state, 1, cb)
            state.after_write_pending = True
        else:
            state.pending_cb -= 1
            if state.ending:
                finish_maybe(stream, state, True)
    elif info is not None and info.cb == cb:
        # The same callback again (the common case): count it into the pending tick.
        info.count += 1
    else:
        state.after_write_tick_info = _AfterWriteTickInfo(cb, stream, state)
        next_tick(_after_write_tick, state.after_write_tick_info)
        state.after_write_pending = True


def _after_write_tick(info: _AfterWriteTickInfo) -> None:
    info.state.after_write_tick_info = None
    _after_write(info.stream, info.state, info.count, info.cb)


def _after_write(stream: Any, state: WritableState, count: int, cb: Callback) -> None:
    state.after_write_pending = False
    if state.need_drain and not state.ending and not state.destroyed and state.length == 0:
        state.need_drain = False
        stream.emit("drain")
    while count > 0:
        count -= 1
        state.pending_cb -= 1
        cb()
    if state.destroyed:
        _error_buffer(state)
    if state.ending:
        finish_maybe(stream, state, True)


def _error_buffer(state: WritableState) -> None:
    """Fail the buffered writes' and end()'s callbacks (the stream was destroyed)."""
    if state.writing:
        return
    n = state.buffered_index
    while n < len(state.buffered):
        req = state.buffered[n]
        n += 1
        if req is None:
            continue
        state.length -= 1 if state.object_mode else len(req.chunk)
        req.callback(state.errored if state.errored is not None else stream_destroyed("write"))
    _call_finished_callbacks(
        state, state.errored if state.errored is not None else stream_destroyed("end"))
    _reset_buffer(state)


def clear_buffer(stream: Any, state: WritableState) -> None:
    """Write out the buffered requests: all at once with ``_writev``, else one by one
    until one does not complete synchronously."""
    if state.destroyed or state.buffer_processing or state.corked or not state.buffered \
            or not state.constructed:
        return
    buffered = state.buffered
    i = state.buffered_index
    count = len(buffered) - i
    if not count:
        return
    state.buffer_processing = True
    if count > 1 and stream._writev:
        state.pending_cb -= count - 1
        requests = [req for req in buffered[i:] if req is not None]
        callback: Callback = _nop if state.all_noop else _EachCallback(requests)
        chunks = WriteChunks(requests)
        chunks.all_buffers = state.all_buffers
        _do_write(stream, state, True, state.length, chunks, "", callback)
        _reset_buffer(state)
    else:
        while True:
            req = buffered[i]
            buffered[i] = None
            i += 1
            assert req is not None
            size = 1 if state.object_mode else len(req.chunk)
            _do_write(stream, state, False, size, req.chunk, req.encoding, req.callback)
            if i >= len(buffered) or state.writing:
                break
        if i == len(buffered):
            _reset_buffer(state)
        elif i > 256:
            del buffered[:i]
            state.buffered_index = 0
        else:
            state.buffered_index = i
    state.buffer_processing = False


def _need_finish(state: WritableState) -> bool:
    """Ending, constructed and idle, and neither destroyed, finished nor errored."""
    return (state.ending and state.constructed and not state.destroyed and not state.finished
            and not state.writing and not state.error_emitted and not state.close_emitted
            and state.errored is None and not state.buffered and state.length == 0)


def _on_finish(stream: Any, state: WritableState, err: BaseException | None = None) -> None:
    """The callback ``_final`` gets."""
    if state.prefinished:
        error_or_destroy(stream, err if err is not None else multiple_callback())
        return
    state.pending_cb -= 1
    if err is not None:
        _call_finished_callbacks(state, err)
        error_or_destroy(stream, err, state.sync)
    elif _need_finish(state):
        state.prefinished = True
        stream.emit("prefinish")
        # 'finish' stays asynchronous to the _final callback: some streams rely on it.
        state.pending_cb += 1
        next_tick(_finish, stream, state)


def _prefinish(stream: Any, state: WritableState) -> None:
    """Call ``_final`` if there is one, else emit 'prefinish'."""
    if state.prefinished or state.final_called:
        return
    final = getattr(stream, "_final", None)
    if callable(final) and not state.destroyed:
        state.final_called = state.sync = True
        state.pending_cb += 1
        try:
            destroy_impl.run_hook(stream, final(partial(_on_finish, stream, state)), "final")
        except Exception as exc:  # noqa: BLE001 - a throwing _final is its callback's error
            _on_finish(stream, state, exc)
        state.sync = False
    else:
        state.final_called = state.prefinished = True
        stream.emit("prefinish")


def finish_maybe(stream: Any, state: WritableState, sync: bool = False) -> None:
    """Prefinish and finish once everything written is done."""
    if not _need_finish(state):
        return
    _prefinish(stream, state)
    if state.pending_cb != 0:
        return
    if sync:
        state.pending_cb += 1
        next_tick(_finish_if_needed, stream, state)
    elif _need_finish(state):
        state.pending_cb += 1
        _finish(stream, state)


def _finish_if_needed(stream: Any, state: WritableState) -> None:
    if _need_finish(state):
        _finish(stream, state)
    else:
        state.pending_cb -= 1


def _finish(stream: Any, state: WritableState) -> None:
    state.pending_cb -= 1
    state.finished = True
    _call_finished_callbacks(state, None)
    stream.emit("finish")
    if state.auto_destroy:
        # A Duplex also waits for its readable side to have ended (unless it has none).
        rstate = stream._readable_state
        if rstate is None or (rstate.auto_destroy and (
                rstate.end_emitted or rstate.readable is False)):
            stream.destroy()


def _call_finished_callbacks(state: WritableState, err: BaseException | None) -> None:
    if not state.on_finished:
        return
    callbacks = state.on_finished
    state.on_finished = []
    for cb in callbacks:
        if err is None:
            cb()
        else:
            cb(err)
