"""Port of Node's test/parallel/test-stream-writable-end-cb-error.js (end() callbacks
when the stream fails), with what node v20 prints where Node's newer test differs."""

from __future__ import annotations

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Writable


async def test_end_callback_gets_the_write_error(loop, calls):
    w = Writable()
    w._write = lambda chunk, encoding, cb: next_tick(cb, Exception("kaboom"))
    order = []
    w.on("error", calls.must_call(lambda err: order.append(("error", str(err)))))
    w.write("asd")
    # Node's newer test expects ERR_STREAM_DESTROYED; v20 passes the stream's error.
    w.end(calls.must_call(lambda err=None: order.append(("end1", str(err)))))
    w.end(calls.must_call(lambda err=None: order.append(("end2", str(err)))))
    await settle()
    assert order == [("end1", "kaboom"), ("end2", "kaboom"), ("error", "kaboom")]


async def test_end_callback_not_called_twice(loop, calls):
    w = Writable()
    w._write = lambda chunk, encoding, cb: next_tick(cb)
    called = []

    def on_end(*args):
        called.append(args)

    w.end("asd", calls.must_call(on_end))
    w.on("error", calls.must_call(lambda err: _message(err, "kaboom")))

    def on_finish():
        assert called == [()]
        w.emit("error", Exception("kaboom"))

    w.on("finish", calls.must_call(on_finish))
    await settle()
    assert called == [()]


def set_immediate(loop, callback, *args):
    """Node's setImmediate: after the ticks queued so far (two loop turns away)."""
    loop.call_soon(loop.call_soon, callback, *args)


def _message(err, message):
    assert str(err) == message


async def test_end_with_chunk_after_end(loop, calls):
    w = Writable(write=lambda chunk, encoding, callback: set_immediate(loop, callback),
                 finish=lambda callback: set_immediate(loop, callback))  # not an option
    codes = []
    order_of_end = []

    def end_cb(name):
        return calls.must_call(lambda err=None: (codes.append(err.code), order_of_end.append(name)))

    w.end("testing ended state", end_cb("end1"))
    assert w.destroyed is False
    assert w.writable_ended is True
    w.end(end_cb("end2"))
    assert w.destroyed is False
    assert w.writable_ended is True
    w.end("end", end_cb("end3"))
    assert w.destroyed is True
    w.on("error", calls.must_call(lambda err: codes.append("error " + err.code)))
    w.on("finish", calls.must_not_call("finish"))
    await settle()
    # v20: the first two end() callbacks get the stream's error (Node's newer test:
    # ERR_STREAM_DESTROYED), after the write-after-end error itself.
    assert codes == ["error ERR_STREAM_WRITE_AFTER_END", "ERR_STREAM_WRITE_AFTER_END",
                     "ERR_STREAM_WRITE_AFTER_END", "ERR_STREAM_WRITE_AFTER_END"]
    assert order_of_end == ["end3", "end1", "end2"]
