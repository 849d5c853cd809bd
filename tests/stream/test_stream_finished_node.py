"""Node's test/parallel/test-stream-finished.js and test-stream-end-of-streams.js (the
cases without fs, http or web streams)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from stream_helpers import Calls, settle

from nodenet.events import EventEmitter
from nodenet.stream import Duplex, PassThrough, Readable, Transform, Writable, finished


async def test_readable_ends(loop: Any, calls: Calls) -> None:
    rs = Readable(read=lambda size: None)
    finished(rs, calls.must_call(lambda err=None: _no_error(err)))
    rs.push(None)
    rs.resume()
    await settle()


def _no_error(err: Any) -> None:
    assert err is None


async def test_writable_finishes(loop: Any, calls: Calls) -> None:
    ws = Writable(write=lambda data, enc, cb: cb())
    finished(ws, calls.must_call(lambda err=None: _no_error(err)))
    ws.end()
    await settle()


async def test_transform_waits_for_both_sides(loop: Any, calls: Calls) -> None:
    tr = Transform(transform=lambda data, enc, cb: cb())
    seen = []
    tr.on("end", lambda: seen.append("end"))
    tr.on("finish", lambda: seen.append("finish"))

    def done(err: Any = None) -> None:
        assert err is None
        assert sorted(seen) == ["end", "finish"]

    finished(tr, calls.must_call(done))
    tr.end()
    tr.resume()
    await settle()


async def test_close_after_push_null_is_no_error(loop: Any, calls: Calls) -> None:
    rs = Readable()
    finished(rs, calls.must_call(lambda err=None: _no_error(err)))
    rs.push(None)
    rs.emit("close")
    rs.resume()
    await settle()


async def test_close_before_end_is_premature(loop: Any, calls: Calls) -> None:
    rs = Readable()
    finished(rs, calls.must_call(lambda err=None: _premature(err)))
    rs.emit("close")
    rs.push(None)
    rs.resume()
    await settle()


def _premature(err: Any) -> None:
    assert err is not None and err.code == "ERR_STREAM_PREMATURE_CLOSE"


async def test_faulty_arguments(loop: Any, calls: Calls) -> None:
    rs = Readable(read=lambda size: None)
    with pytest.raises(TypeError, match="callback") as info:
        finished(rs, "foo")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    # v20 names the argument "options" ("opts" in newer Node).
    with pytest.raises(TypeError, match="options") as info:
        finished(rs, "foo", lambda err=None: None)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError, match="callback") as info:
        finished(rs, {}, "foo")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    finished(rs, None, calls.must_call())
    rs.push(None)
    rs.resume()
    await settle()


async def test_returned_function_removes_the_listeners(loop: Any, calls: Calls) -> None:
    ws = Writable(write=lambda data, enc, cb: cb())
    remove = finished(ws, calls.must_not_call())
    remove()
    ws.end()
    rs = Readable()
    remove = finished(rs, calls.must_not_call())
    remove()
    rs.emit("close")
    rs.push(None)
    rs.resume()
    await settle()


async def test_stream_like_emitter(loop: Any, calls: Calls) -> None:
    stream_like: Any = EventEmitter()
    stream_like.readable_ended = True
    stream_like.readable = True
    stream_like.pipe = lambda *args: None
    finished(stream_like, calls.must_call())
    stream_like.emit("close")
    await settle()


async def test_destroyed_but_not_writable_is_premature(loop: Any, calls: Calls) -> None:
    writable = Writable(write=lambda *args: None)
    writable.writable = False
    writable.destroy()
    finished(writable, calls.must_call(lambda err=None: _premature(err)))
    readable = Readable()
    readable.readable = False
    readable.destroy()
    finished(readable, calls.must_call(lambda err=None: _premature(err)))
    await settle()


async def test_destroy_while_writing_is_premature(loop: Any, calls: Calls) -> None:
    w = Writable(write=lambda chunk, enc, cb: _set_immediate(loop, cb))
    finished(w, calls.must_call(lambda err=None: _premature(err)))
    w.end("asd")
    w.destroy()
    await settle()


def _set_immediate(loop: Any, callback: Any) -> None:
    """Node's setImmediate: after the ticks queued so far."""
    loop.call_soon(loop.call_soon, callback)


def _readable(**opts: Any) -> Any:
    return Readable(**opts)


def _writable(**opts: Any) -> Any:
    return Writable(write=lambda *args: None, **opts)


@pytest.mark.parametrize("factory", [_readable, _writable], ids=["readable", "writable"])
async def test_closed(loop: Any, calls: Calls, factory: Any) -> None:
    s = factory()
    s.destroy()
    dispose = finished(s, calls.must_not_call())
    dispose()

    s = factory()
    s.destroy()
    finished(s, calls.must_call())

    destroyed = []

    def slow_destroy(err: Any, cb: Any) -> None:
        def later() -> None:
            destroyed.append(True)
            cb()

        _set_immediate(loop, later)

    s = factory(destroy=slow_destroy)
    s.destroy()
    finished(s, calls.must_call(lambda err=None: _check(destroyed == [True])))

    def inhibited(err: Any, cb: Any) -> None:
        cb()
        finished(quiet, calls.must_call())

    quiet = factory(emit_close=False, destroy=inhibited)
    quiet.destroy()

    def deep(err: Any, cb: Any) -> None:
        def later() -> None:
            cb()
            _set_immediate(loop, lambda: finished(deep_stream, calls.must_call()))

        _set_immediate(loop, later)

    deep_stream = factory(destroy=deep)
    deep_stream.destroy()
    await settle(30)


def _check(ok: bool) -> None:
    assert ok


async def test_without_auto_destroy(loop: Any, calls: Calls) -> None:
    from nodenet._tick import next_tick

    w = Writable(write=lambda chunk, enc, cb: cb(), auto_destroy=False)
    w.end("asd")
    next_tick(lambda: finished(w, calls.must_call()))

    failing = Writable(write=lambda chunk, enc, cb: cb(RuntimeError()), auto_destroy=False)
    failing.write("asd")
    failing.on("error", calls.must_call(lambda err: finished(failing, calls.must_call())))

    r = Readable(auto_destroy=False)
    r.push(None)
    r.resume()
    r.on("end", calls.must_call(lambda: finished(r, calls.must_call())))
    await settle(20)


async def test_fake_writable_state(loop: Any, calls: Calls) -> None:
    class State:
        # Node's test sets only 'finished': JS reads the other fields as undefined.
        finished = True
        errored: Any = None
        ended = auto_destroy = emit_close = closed = error_emitted = destroyed = None
        pending_cb = length = 0

    d: Any = EventEmitter()
    d._writable_state = State()
    d.write = lambda *args: None
    finished(d, {"readable": False, "writable": True},
             calls.must_call(lambda err=None: _no_error(err)))
    d._writable_state.errored = True
    d.emit("close")
    await settle()


async def test_destroy_after_push_null_before_end_is_premature(loop: Any, calls: Calls) -> None:
    r = Readable()
    finished(r, calls.must_call(lambda err=None: _premature(err)))
    r.push("asd")
    r.push(None)
    r.destroy()
    await settle()


@pytest.mark.parametrize("end_first", [False, True])
async def test_duplex_readable_side_only(loop: Any, calls: Calls, end_first: bool) -> None:
    d = Duplex(final=lambda cb: None, read=lambda size: d.push(None))
    d.on("end", calls.must_call())
    if end_first:
        d.end()
    finished(d, {"readable": True, "writable": False}, calls.must_call())
    if not end_first:
        d.end()
    d.resume()
    await settle()


async def test_destroyed_set_by_hand(loop: Any, calls: Calls) -> None:
    """Compat with streams (fd-slicer) whose destroy does not emit 'close'."""
    r = Readable()
    finished(r, calls.must_call())
    r.resume()
    r.push("asd")
    r.destroyed = True
    r.push(None)
    await settle()


async def test_ended_passthrough_not_read(loop: Any, calls: Calls) -> None:
    p = PassThrough()
    p.end()
    finished(p, calls.must_not_call())
    await settle()


async def test_end_of_streams(loop: Any, calls: Calls) -> None:
    """test-stream-end-of-streams.js: a plain object is not a stream."""
    with pytest.raises(TypeError) as info:
        finished(object(), lambda err=None: None)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError):
        finished({}, lambda err=None: None)
    stream = Duplex()
    stream.end()
    finished(stream, lambda err=None: None)
    await settle()
    loop.errors.clear()


async def test_signal(loop: Any, calls: Calls) -> None:
    from nodenet.events import AbortController

    ac = AbortController()
    rs = Readable(read=lambda size: None)
    finished(rs, {"signal": ac.signal}, calls.must_call(lambda err=None: _abort(err)))
    ac.abort()
    await settle()
    # The listeners are gone: ending later calls nothing.
    rs.push(None)
    rs.resume()
    await settle()

    ac2 = AbortController()
    ac2.abort()
    rs2 = Readable(read=lambda size: None)
    finished(rs2, {"signal": ac2.signal}, calls.must_call(lambda err=None: _abort(err)))
    await settle()


def _abort(err: Any) -> None:
    assert err is not None and err.name == "AbortError"


async def test_promisified(loop: Any) -> None:
    rs = Readable.from_(["a", "b"])
    ended = []
    rs.on("end", lambda: ended.append(True))
    rs.resume()
    fut: asyncio.Future[Any] = loop.create_future()
    finished(rs, lambda err=None: fut.set_result(err))
    assert await fut is None
    assert ended == [True]


async def test_duplex_reading_a_passthrough(loop: Any) -> None:
    """Regression https://github.com/nodejs/node/issues/33130."""
    response = PassThrough()
    response.write("chunk 1")
    response.write("chunk 2")
    response.write("chunk 3")
    response.end()

    class HelloWorld(Duplex):
        def __init__(self, response: Any) -> None:
            super().__init__()
            self.response = response
            self.read_more = False
            response.once("end", lambda: self.push(None))
            response.on("readable", self._on_readable)

        def _on_readable(self) -> None:
            if self.read_more:
                self._read()

        def _read(self, size: int = 0) -> None:
            self.read_more = True
            if self.response.readable_length:
                self.read_more = False
            while (data := self.response.read()) is not None:
                self.push(data)

    instance = HelloWorld(response)
    instance.set_encoding("utf8")
    instance.end()
    res = ""
    async for data in instance:
        res += data
    assert res == "chunk 1chunk 2chunk 3"
