"""The machinery behind ``Readable`` (the module functions of Node's streams/readable.js):
adding chunks, ``read()``, the 'readable'/'data'/'end' scheduling, ``pipe()``, the async
iterator and ``Readable.from()``.

Every function takes the stream (and often its ``_readable_state``) as Node's do; the
class in ``_readable`` only holds the public methods.
"""

from __future__ import annotations

import asyncio
import collections
import inspect
import weakref
from collections.abc import Callable
from typing import Any

from nodenet import _encodings
from nodenet._end_of_stream import finished
from nodenet._loop import get_loop
from nodenet._stream_destroy import aggregate_two_errors, destroyer, error_or_destroy
from nodenet._stream_options import get_high_water_mark
from nodenet._tick import next_tick
from nodenet.errors import NodeError, NodeTypeError, invalid_arg_type, out_of_range

try:
    import cython  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # pure-Python install: nothing here is compiled
    from nodenet import _no_cython as cython

#: read(n) raises the high-water mark to the next power of two, up to 1 GiB.
MAX_HWM = 0x40000000

_BYTES_LIKE = (bytes, bytearray, memoryview)


def _invalid_chunk(chunk: Any) -> NodeTypeError:
    return invalid_arg_type(
        "chunk", "of type string or an instance of Buffer, TypedArray, or DataView", chunk)


def _decode(decoder: Any, data: Any) -> Any:
    """Node's ``StringDecoder.write``: bytes are decoded, a str passes as it is."""
    if isinstance(data, str):
        return data
    if isinstance(data, _BYTES_LIKE):
        return decoder.decode(bytes(data))
    raise invalid_arg_type("buf", "an instance of Buffer, TypedArray, or DataView", data)


def _chunk_length(state: Any, chunk: Any) -> int:
    return 1 if state.object_mode else len(chunk)


@cython.binding(False)  # methods check their self's type (see setup.py)
class ReadableState:
    """The readable side's state: Node's ReadableState fields, snake_case. Compiled, an
    extension type with typed fields (``_compiled/_readable_flow.pxd``)."""

    __slots__ = (
        "object_mode", "high_water_mark", "buffer", "length", "pipes", "flowing", "ended",
        "end_emitted", "reading", "constructed", "sync", "need_readable", "emitted_readable",
        "readable_listening", "resume_scheduled", "error_emitted", "emit_close",
        "auto_destroy", "destroyed", "errored", "closed", "close_emitted", "default_encoding",
        "awaiting_drain_writers", "multi_awaiting_drain", "reading_more", "data_emitted",
        "decoder", "encoding", "readable", "paused", "data_listening",
    )

    def __init__(self, options: dict[str, Any] | None, stream: Any = None,
                 is_duplex: bool = False) -> None:
        opts = options or {}
        self.object_mode = bool(opts.get("objectMode")) or \
            bool(is_duplex and opts.get("readableObjectMode"))
        #: Below it, _read() is called to fill the buffer (0: only when read() asks).
        self.high_water_mark = get_high_water_mark(
            opts, "readableHighWaterMark", is_duplex, self.object_mode)
        self.buffer: collections.deque[Any] = collections.deque()
        self.length = 0
        self.pipes: list[Any] = []
        self.flowing: bool | None = None
        self.ended = self.end_emitted = self.reading = False
        #: False while ``_construct`` runs: no _read() and no destroy until it is done.
        self.constructed = True
        #: True while _read() runs, so that what it pushes is emitted on a later tick.
        self.sync = True
        self.need_readable = self.emitted_readable = self.readable_listening = False
        self.resume_scheduled = self.error_emitted = False
        self.emit_close = opts.get("emitClose") is not False
        self.auto_destroy = opts.get("autoDestroy") is not False
        self.destroyed = self.closed = self.close_emitted = False
        self.errored: BaseException | None = None
        default_encoding = opts.get("defaultEncoding")
        self.default_encoding = _encodings.normalize(default_encoding)
        #: The piped destinations whose 'drain' is awaited: one, or a set of several.
        self.awaiting_drain_writers: Any = None
        self.multi_awaiting_drain = self.reading_more = self.data_emitted = False
        self.decoder: Any = None
        self.encoding: str | None = None
        self.readable: bool | None = None
        #: pause() was called (True), then resume() (False); None: neither yet.
        self.paused: bool | None = None
        self.data_listening = False
        if opts.get("encoding"):
            self.decoder = _encodings.decoder(opts["encoding"])
            self.encoding = _encodings.normalize(opts["encoding"])

    @property
    def pipes_count(self) -> int:
        return len(self.pipes)


# push() and unshift()

def push_chunk(stream: Any, state: Any, chunk: Any, encoding: str | None) -> bool:
    """``readable.push(chunk, encoding)``: buffer ``chunk`` (None: EOF)."""
    if chunk is None:
        state.reading = False
        on_eof_chunk(stream, state)
        return False
    decode = True
    if not state.object_mode:
        if chunk.__class__ is bytes:  # the common case first: no conversion
            pass
        elif isinstance(chunk, str):
            encoding = _encodings.normalize(encoding or state.default_encoding)
            if state.encoding != encoding:
                chunk = _encodings.to_bytes(chunk, encoding)
            else:
                decode = False
        elif isinstance(chunk, _BYTES_LIKE):
            chunk = bytes(chunk)
        else:
            error_or_destroy(stream, _invalid_chunk(chunk))
            return False
        if len(chunk) == 0:
            state.reading = False
            maybe_read_more(stream, state)
            return can_push_more(state)
    elif encoding:
        decode = False
    if state.ended:
        error_or_destroy(stream, NodeError("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF"))
        return False
    if state.destroyed or state.errored is not None:
        return False
    state.reading = False
    if state.decoder is not None and decode:
        chunk = _decode(state.decoder, chunk)
        if not state.object_mode and len(chunk) == 0:
            maybe_read_more(stream, state)
            return can_push_more(state)
    add_chunk(stream, state, chunk, False)
    return can_push_more(state)


def unshift_chunk(stream: Any, state: Any, chunk: Any, encoding: str | None) -> bool:
    """``readable.unshift(chunk, encoding)``: put ``chunk`` back at the front of the buffer."""
    if chunk is None:
        state.reading = False
        on_eof_chunk(stream, state)
        return False
    if not state.object_mode:
        if isinstance(chunk, str):
            encoding = _encodings.normalize(encoding or state.default_encoding)
            if state.encoding != encoding:
                data = _encodings.to_bytes(chunk, encoding)
                # With an encoding set, the buffer holds text in that encoding.
                chunk = _decoded(data, state.encoding) if state.encoding else data
        elif isinstance(chunk, _BYTES_LIKE):
            chunk = bytes(chunk)
            if state.decoder is not None:  # Node's implicit Buffer to string: UTF-8
                chunk = chunk.decode("utf-8", "replace")
        else:
            error_or_destroy(stream, _invalid_chunk(chunk))
            return False
        if len(chunk) == 0:
            return can_push_more(state)
    if state.end_emitted:
        error_or_destroy(stream, NodeError("ERR_STREAM_UNSHIFT_AFTER_END_EVENT",
                                           "stream.unshift() after end event"))
    elif state.destroyed or state.errored is not None:
        return False
    else:
        add_chunk(stream, state, chunk, True)
    return can_push_more(state)


def _decoded(data: bytes, encoding: str) -> str:
    decoder: Any = _encodings.decoder(encoding)
    return str(decoder.decode(data, True))


def can_push_more(state: Any) -> bool:
    """Below the high-water mark (or empty, so that a mark of 0 still takes data)."""
    return not state.ended and (state.length < state.high_water_mark or state.length == 0)


def add_chunk(stream: Any, state: Any, chunk: Any, add_to_front: bool) -> None:
    """Emit ``chunk`` as 'data' at once when flowing with nothing buffered, else buffer it."""
    if state.flowing and not state.sync and state.data_listening and state.length == 0:
        clear_awaiting_drain(state)
        state.data_emitted = True
        stream.emit("data", chunk)
    else:
        state.length += _chunk_length(state, chunk)
        if add_to_front:
            state.buffer.appendleft(chunk)
        else:
            state.buffer.append(chunk)
        if state.need_readable:
            emit_readable(stream)
    maybe_read_more(stream, state)


def clear_awaiting_drain(state: Any) -> None:
    if state.multi_awaiting_drain:
        state.awaiting_drain_writers.clear()
    else:
        state.awaiting_drain_writers = None


def on_eof_chunk(stream: Any, state: Any) -> None:
    if state.ended:
        return
    if state.decoder is not None:
        rest = state.decoder.decode(b"", True)
        if rest:
            state.buffer.append(rest)
            state.length += _chunk_length(state, rest)
    state.ended = True
    if state.sync:
        # Not from inside read(): 'readable' on the next tick, or flow() would re-enter.
        emit_readable(stream)
    else:
        # 'readable' at once: modules rely on it being synchronous at EOF.
        state.need_readable = False
        state.emitted_readable = True
        emit_readable_now(stream)


# read()

def compute_new_high_water_mark(n: int) -> int:
    """The next power of two at or above ``n``; ERR_OUT_OF_RANGE past 1 GiB."""
    if n > MAX_HWM:
        raise out_of_range("size", "<= 1GiB", n)
    return 1 << (n - 1).bit_length() if n > 0 else n


def how_much_to_read(n: int | None, state: Any) -> int:
    """How much read(n) returns (``n`` None: Node's NaN, "whatever there is")."""
    if (n is not None and n <= 0) or (state.length == 0 and state.ended):
        return 0
    if state.object_mode:
        return 1
    if n is None:
        if state.flowing and state.length:  # flowing: one chunk at a time
            return len(state.buffer[0])
        return int(state.length)
    if n <= state.length:
        return n
    return int(state.length) if state.ended else 0


def _parse_n(n: Any) -> int | None:
    if n is None or isinstance(n, int):
        return n
    try:
        return int(n)
    except (TypeError, ValueError, OverflowError):
        return None


def read_stream(stream: Any, n: Any) -> Any:
    """``readable.read(n)``: Node's algorithm, which may call ``_read()`` first."""
    n = _parse_n(n)
    state = stream._readable_state
    n_orig = n
    if n is not None and n > state.high_water_mark:
        state.high_water_mark = compute_new_high_water_mark(n)
    if n != 0:
        state.emitted_readable = False
    # read(0) with enough buffered (or at EOF) only asks for a 'readable' event.
    if n == 0 and state.need_readable and (
            (state.length >= state.high_water_mark if state.high_water_mark != 0
             else state.length > 0) or state.ended):
        if state.length == 0 and state.ended:
            end_readable(stream)
        else:
            emit_readable(stream)
        return None
    n = how_much_to_read(n, state)
    if n == 0 and state.ended:
        if state.length == 0:
            end_readable(stream)
        return None
    do_read = state.need_readable or state.length == 0 or \
        state.length - n < state.high_water_mark
    if state.reading or state.ended or state.destroyed or state.errored is not None or \
            not state.constructed:
        do_read = False
    elif do_read:
        state.reading = True
        state.sync = True
        if state.length == 0:
            state.need_readable = True
        try:
            stream._read(state.high_water_mark)
        except Exception as err:  # noqa: BLE001 - Node: errorOrDestroy(stream, err)
            error_or_destroy(stream, err)
        state.sync = False
        if not state.reading:  # _read() pushed synchronously: look again
            n = how_much_to_read(n_orig, state)
    ret = from_list(n, state) if n > 0 else None
    if ret is None:
        if state.length <= state.high_water_mark:
            state.need_readable = True
        n = 0
    else:
        state.length -= n
        clear_awaiting_drain(state)
    if state.length == 0:
        if not state.ended:
            state.need_readable = True
        if n_orig != n and state.ended:  # read past EOF: 'end' on the next tick
            end_readable(stream)
    if ret is not None and not state.error_emitted and not state.close_emitted:
        state.data_emitted = True
        stream.emit("data", ret)
    return ret


def from_list(n: int, state: Any) -> Any:
    """Take ``n`` bytes (characters with an encoding; one object in object mode) off the
    buffer, None when it is empty."""
    if state.length == 0:
        return None
    buf = state.buffer
    if state.object_mode:
        return buf.popleft()
    text = state.decoder is not None
    if not n or n >= state.length:
        if text:
            ret: Any = "".join(buf)
        elif len(buf) == 1:
            ret = buf[0]
        else:
            ret = b"".join(buf)
        buf.clear()
        return ret
    first = buf[0]
    if n < len(first):
        buf[0] = first[n:]
        return first[:n]
    if n == len(first):
        return buf.popleft()
    parts = []
    while buf:
        data = buf[0]
        if n >= len(data):
            parts.append(buf.popleft())
            n -= len(data)
            if n == 0:
                break
        else:
            parts.append(data[:n])
            buf[0] = data[n:]
            break
    return "".join(parts) if text else b"".join(parts)


# 'readable', flowing, 'end'

def emit_readable(stream: Any) -> None:
    """'readable' on the next tick (once until it is emitted)."""
    state = stream._readable_state
    state.need_readable = False
    if not state.emitted_readable:
        state.emitted_readable = True
        next_tick(emit_readable_now, stream)


def emit_readable_now(stream: Any) -> None:
    state = stream._readable_state
    if not state.destroyed and state.errored is None and (state.length or state.ended):
        stream.emit("readable")
        state.emitted_readable = False
    # Another 'readable' is needed unless flowing does the work, EOF came, or it is full.
    if not state.flowing and not state.ended and state.length <= state.high_water_mark:
        state.need_readable = True
    flow(stream)


def maybe_read_more(stream: Any, state: Any) -> None:
    """Fill the buffer up to the high-water mark on the next tick."""
    if not state.reading_more and state.constructed:
        state.reading_more = True
        next_tick(_maybe_read_more, stream, state)


def _maybe_read_more(stream: Any, state: Any) -> None:
    while not state.reading and not state.ended and (
            state.length < state.high_water_mark or (state.flowing and state.length == 0)):
        length = state.length
        stream.read(0)
        if length == state.length:  # nothing came: stop spinning
            break
    state.reading_more = False


def flow(stream: Any) -> None:
    state = stream._readable_state
    while state.flowing and stream.read() is not None:
        pass


def schedule_resume(stream: Any, state: Any) -> None:
    if not state.resume_scheduled:
        state.resume_scheduled = True
        next_tick(_resume, stream, state)


def _resume(stream: Any, state: Any) -> None:
    if not state.reading:
        stream.read(0)
    state.resume_scheduled = False
    stream.emit("resume")
    flow(stream)
    if state.flowing and not state.reading:
        stream.read(0)


def on_listener_added(stream: Any, event: Any) -> None:
    """A 'data' listener starts flowing, a 'readable' one switches to paused mode."""
    state = stream._readable_state
    if event == "data":
        state.data_listening = True
        if stream.listener_count("readable") > 0:
            state.readable_listening = True
        if state.flowing is not False:
            stream.resume()
    elif event == "readable":
        if not state.end_emitted and not state.readable_listening:
            state.readable_listening = state.need_readable = True
            state.flowing = False
            state.emitted_readable = False
            if state.length:
                emit_readable(stream)
            elif not state.reading:
                next_tick(_read_zero, stream)


def _read_zero(stream: Any) -> None:
    stream.read(0)


def update_readable_listening(stream: Any) -> None:
    """After 'readable' listeners went: back to flowing if 'data' listeners remain."""
    state = stream._readable_state
    state.readable_listening = stream.listener_count("readable") > 0
    if state.paused is False and state.resume_scheduled:
        # resume() was called: it must find the stream flowing.
        state.flowing = True
    elif state.data_listening:
        stream.resume()
    elif not state.readable_listening:
        state.flowing = None


def end_readable(stream: Any) -> None:
    """'end' on the next tick, unless something was unshifted meanwhile."""
    state = stream._readable_state
    if not state.end_emitted:
        state.ended = True
        next_tick(_end_readable, state, stream)


def _end_readable(state: Any, stream: Any) -> None:
    if state.errored is not None or state.close_emitted or state.end_emitted or state.length:
        return
    state.end_emitted = True
    stream.emit("end")
    if getattr(stream, "writable", False) and getattr(stream, "allow_half_open", None) is False:
        next_tick(_end_writable, stream)
    elif state.auto_destroy:
        # A Duplex is destroyed when its writable side is done too.
        w = getattr(stream, "_writable_state", None)
        if w is None or (w.auto_destroy and (w.finished or w.writable is False)):
            stream.destroy()


def _end_writable(stream: Any) -> None:
    if stream.writable and not stream.writable_ended and not stream.destroyed:
        stream.end()


# pipe()

class Pipe:
    """The listeners of one ``src.pipe(dest)``."""

    def __init__(self, src: Any, dest: Any, end: bool) -> None:
        self.src = src
        self.dest = dest
        self.state = src._readable_state
        self.cleaned_up = False
        self.ondrain: Callable[..., None] | None = None
        self.end_fn = self.onend if end else self.unpipe

    def start(self) -> Any:
        src, dest, state = self.src, self.dest, self.state
        if len(state.pipes) == 1 and not state.multi_awaiting_drain:
            state.multi_awaiting_drain = True
            writers = state.awaiting_drain_writers
            state.awaiting_drain_writers = {writers} if writers is not None else set()
        state.pipes.append(dest)
        if state.end_emitted:
            next_tick(self.end_fn)
        else:
            src.once("end", self.end_fn)
        dest.on("unpipe", self.onunpipe)
        src.on("data", self.ondata)
        # Ahead of the user's listeners.
        prepend = getattr(dest, "prepend_listener", None)
        (prepend if callable(prepend) else dest.on)("error", self.onerror)
        dest.once("close", self.onclose)
        dest.once("finish", self.onfinish)
        dest.emit("pipe", src)
        if getattr(dest, "writable_need_drain", None) is True:
            self.pause()
        elif not state.flowing:
            src.resume()
        return dest

    def onunpipe(self, readable: Any = None, info: Any = None) -> None:
        if readable is self.src and isinstance(info, dict) and info.get("hasUnpiped") is False:
            info["hasUnpiped"] = True
            self.cleanup()

    def onend(self, *_: Any) -> None:
        self.dest.end()

    def cleanup(self) -> None:
        dest, src = self.dest, self.src
        dest.remove_listener("close", self.onclose)
        dest.remove_listener("finish", self.onfinish)
        if self.ondrain is not None:
            dest.remove_listener("drain", self.ondrain)
        dest.remove_listener("error", self.onerror)
        dest.remove_listener("unpipe", self.onunpipe)
        src.remove_listener("end", self.onend)
        src.remove_listener("end", self.unpipe)
        src.remove_listener("data", self.ondata)
        self.cleaned_up = True
        # Waiting for this dest's 'drain' would keep the source paused for good.
        w = getattr(dest, "_writable_state", None)
        if self.ondrain is not None and self.state.awaiting_drain_writers is not None and \
                (w is None or getattr(w, "need_drain", False)):
            self.ondrain()

    def pause(self) -> None:
        state, dest = self.state, self.dest
        if not self.cleaned_up:  # unpipe() during dest.write() must not leave it paused
            pipes = state.pipes
            if len(pipes) == 1 and pipes[0] is dest:
                state.awaiting_drain_writers = dest
                state.multi_awaiting_drain = False
            elif len(pipes) > 1 and any(p is dest for p in pipes):
                state.awaiting_drain_writers.add(dest)
            self.src.pause()
        if self.ondrain is None:
            self.ondrain = _pipe_on_drain(self.src, dest)
            dest.on("drain", self.ondrain)

    def ondata(self, chunk: Any) -> None:
        if self.dest.write(chunk) is False:
            self.pause()

    def onerror(self, er: Any = None) -> None:
        dest = self.dest
        self.unpipe()
        dest.remove_listener("error", self.onerror)
        if dest.listener_count("error") == 0:
            s = getattr(dest, "_writable_state", None) or getattr(dest, "_readable_state", None)
            if s is not None and not s.error_emitted:
                error_or_destroy(dest, er)  # 'error' was emitted by hand on the stream
            else:
                dest.emit("error", er)

    def onclose(self, *_: Any) -> None:
        self.dest.remove_listener("finish", self.onfinish)
        self.unpipe()

    def onfinish(self, *_: Any) -> None:
        self.dest.remove_listener("close", self.onclose)
        self.unpipe()

    def unpipe(self, *_: Any) -> None:
        self.src.unpipe(self.dest)


def _pipe_on_drain(src: Any, dest: Any) -> Callable[..., None]:
    def on_drain(*_: Any) -> None:
        state = src._readable_state
        if state.awaiting_drain_writers is dest:
            state.awaiting_drain_writers = None
        elif state.multi_awaiting_drain:
            state.awaiting_drain_writers.discard(dest)
        writers = state.awaiting_drain_writers
        if (writers is None or (isinstance(writers, set) and not writers)) and \
                state.data_listening:
            src.resume()

    return on_drain


def unpipe(src: Any, dest: Any) -> Any:
    state = src._readable_state
    if not state.pipes:
        return src
    if dest is None:
        dests = state.pipes
        state.pipes = []
        src.pause()
        for d in dests:
            d.emit("unpipe", src, {"hasUnpiped": False})
        return src
    index = next((i for i, piped in enumerate(state.pipes) if piped is dest), -1)
    if index == -1:
        return src
    del state.pipes[index]
    if not state.pipes:
        src.pause()
    dest.emit("unpipe", src, {"hasUnpiped": False})
    return src


# async iteration

#: The iterator's error before the stream finished (Node's ``undefined``).
_PENDING: Any = object()


class ReadableIterator:
    """``async for chunk in readable`` (Node's createAsyncIterator): read() in a loop,
    waiting for 'readable' or the stream's end. Leaving the loop early (``aclose()``, or
    dropping the iterator) destroys the stream; ``destroy_on_return=False`` keeps it."""

    def __init__(self, stream: Any, destroy_on_return: bool = True) -> None:
        self.stream = stream
        self._destroy_on_return = destroy_on_return
        self._error: Any = _PENDING
        self._waiter: asyncio.Future[None] | None = None
        self._done = False
        self._loop = get_loop()
        self._last: asyncio.Future[None] | None = None  # the latest __anext__ call
        # The listeners hold the iterator weakly, so a dropped iterator is collected.
        ref = weakref.ref(self)

        def on_readable(*_: Any) -> None:
            it = ref()
            if it is not None:
                it._wake()

        def on_finished(err: Any = None) -> None:
            it = ref()
            if it is not None:
                it._error = aggregate_two_errors(
                    None if it._error is _PENDING else it._error, err) if err else None
                it._wake()

        self._on_readable = on_readable
        stream.on("readable", on_readable)
        self._cleanup = finished(stream, {"writable": False}, on_finished)

    def __aiter__(self) -> ReadableIterator:
        return self

    async def __anext__(self) -> Any:
        # Calls made before the previous one completed wait their turn, as Node queues
        # an async generator's next() calls.
        previous, mine = self._last, self._loop.create_future()
        self._last = mine
        try:
            if previous is not None and not previous.done():
                await asyncio.wait([previous])
            return await self._next()
        finally:
            mine.set_result(None)
            if self._last is mine:
                self._last = None

    async def _next(self) -> Any:
        stream = self.stream
        while not self._done:
            try:
                chunk = None if stream.destroyed else stream.read()
            except Exception as err:  # noqa: BLE001 - ends the iteration with this error
                self._error = aggregate_two_errors(
                    None if self._error is _PENDING else self._error, err)
                self._finish()
                raise self._error from None
            if chunk is not None:
                return chunk
            error = self._error
            if error is None:
                break
            if error is not _PENDING:
                self._finish()
                raise error
            self._waiter = self._loop.create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        self._finish()
        raise StopAsyncIteration

    async def aclose(self) -> None:
        """Node's ``return()``: stop iterating (destroying the stream, see the class)."""
        self._finish()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        stream, error = self.stream, self._error
        failed = error is not None and error is not _PENDING
        if (failed or self._destroy_on_return) and \
                (error is _PENDING or stream._readable_state.auto_destroy):
            destroyer(stream, None)
        else:
            stream.remove_listener("readable", self._on_readable)
            self._cleanup()

    def __del__(self) -> None:
        # The loop was left by break or an exception: Node's for-await calls return().
        if not getattr(self, "_done", True) and not self._loop.is_closed():
            self._finish()


# Readable.from()

def null_values() -> NodeTypeError:
    return NodeTypeError("ERR_STREAM_NULL_VALUES", "May not write null values to stream")


def readable_from(cls: Any, iterable: Any, options: dict[str, Any]) -> Any:
    """``Readable.from(iterable, options)`` (Node's streams/from.js)."""
    if isinstance(iterable, (str, bytes)):
        one = cls({"objectMode": True, **options})

        def read_one(n: int) -> None:
            one.push(iterable)
            one.push(None)

        one._read = read_one
        return one
    if hasattr(iterable, "__aiter__"):
        return _From(cls, iterable.__aiter__(), True, options).readable
    if hasattr(iterable, "__iter__"):
        return _From(cls, iter(iterable), False, options).readable
    raise invalid_arg_type("iterable", "an instance of Iterable", iterable)


class _From:
    """The iterator behind a ``Readable.from()`` stream and how it is pulled."""

    def __init__(self, cls: Any, iterator: Any, is_async: bool, options: dict[str, Any]) -> None:
        self.iterator = iterator
        self.is_async = is_async
        self.async_values = False  # a sync iterator that gave an awaitable
        self.reading = False  # _read() waits until the previous pull completed
        self.tasks: set[asyncio.Future[Any]] = set()
        self.readable = cls({"objectMode": True, "highWaterMark": 1, **options})
        self.readable._read = self.read
        self.readable._destroy = self.destroy

    def _spawn(self, coro: Any) -> asyncio.Future[Any]:
        task: asyncio.Future[Any] = asyncio.ensure_future(coro, loop=get_loop())
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def read(self, n: int) -> None:
        if self.reading:
            return
        self.reading = True
        if self.is_async:
            self._spawn(self.next_async())
        elif self.async_values:
            self._spawn(self.next_sync_async_values())
        else:
            self.next_sync()

    def _push(self, value: Any) -> bool:
        """Push one value; False once the stream wants no more for now."""
        if value is None:
            self.reading = False
            raise null_values()
        if self.readable.push(value):
            return True
        self.reading = False
        return False

    def next_sync(self) -> None:
        try:
            while True:
                try:
                    value = next(self.iterator)
                except StopIteration:
                    self.readable.push(None)
                    return
                if inspect.isawaitable(value):
                    self._spawn(self.to_async_values(value))
                    return
                if not self._push(value):
                    return
        except Exception as err:  # noqa: BLE001 - the iterator's error destroys the stream
            self.readable.destroy(err)

    async def to_async_values(self, value: Any) -> None:
        self.async_values = True
        try:
            if self._push(await value):
                await self.next_sync_async_values()
        except Exception as err:  # noqa: BLE001
            self.readable.destroy(err)

    async def next_sync_async_values(self) -> None:
        try:
            while True:
                try:
                    value = next(self.iterator)
                except StopIteration:
                    self.readable.push(None)
                    return
                if inspect.isawaitable(value):
                    value = await value
                if not self._push(value):
                    return
        except Exception as err:  # noqa: BLE001
            self.readable.destroy(err)

    async def next_async(self) -> None:
        try:
            while True:
                try:
                    value = await self.iterator.__anext__()
                except StopAsyncIteration:
                    self.readable.push(None)
                    return
                if not self._push(value):
                    return
        except Exception as err:  # noqa: BLE001
            self.readable.destroy(err)

    def destroy(self, error: BaseException | None, cb: Callable[..., Any]) -> None:
        """Close the iterator (throwing ``error`` into a generator first), then ``cb``."""
        if self.is_async:
            self._spawn(self._close_async(error, cb))
            return
        try:
            self._close_sync(error)
        except Exception as err:  # noqa: BLE001 - cb gets what closing raised
            next_tick(cb, err)
            return
        next_tick(cb, error)

    def _close_sync(self, error: BaseException | None) -> None:
        iterator = self.iterator
        if error is not None and callable(getattr(iterator, "throw", None)):
            try:
                value = iterator.throw(error)
            except StopIteration:
                return
            if inspect.iscoroutine(value):
                value.close()
        if callable(getattr(iterator, "close", None)):
            iterator.close()

    async def _close_async(self, error: BaseException | None,
                           cb: Callable[..., Any]) -> None:
        iterator = self.iterator
        # An async generator takes athrow()/aclose() only once its pending __anext__ is done.
        for task in [t for t in self.tasks if t is not asyncio.current_task()]:
            await asyncio.wait([task])
        try:
            if error is not None and callable(getattr(iterator, "athrow", None)):
                try:
                    await iterator.athrow(error)
                except StopAsyncIteration:
                    next_tick(cb, error)
                    return
            if callable(getattr(iterator, "aclose", None)):
                await iterator.aclose()
        except Exception as err:  # noqa: BLE001 - cb gets what closing raised
            next_tick(cb, err)
            return
        next_tick(cb, error)
