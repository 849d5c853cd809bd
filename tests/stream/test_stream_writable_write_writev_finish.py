"""Port of Node's test/parallel/test-stream-writable-write-writev-finish.js: no 'finish'
(nor 'prefinish') after a failed _write/_writev, and a write from a 'prefinish' or 'finish'
listener is a write after end. (The two cases that pipe a Readable are not ported here.)"""

from __future__ import annotations

import asyncio

import pytest
from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Writable


def set_immediate(loop, callback, *args):
    """Node's setImmediate: after the ticks queued so far (two loop turns away)."""
    loop.call_soon(loop.call_soon, callback, *args)


async def wait_for(stream, event):
    fut = asyncio.get_running_loop().create_future()
    stream.once(event, lambda *args: fut.done() or fut.set_result(args))
    return await asyncio.wait_for(fut, 5)


def _message(er, message):
    assert str(er) == message


@pytest.mark.parametrize("asynchronous", [False, True])
async def test_write_error_means_no_finish(loop, calls, asynchronous):
    w = Writable()

    def write(chunks, encoding, cb):
        err = Exception("write test error")
        if asynchronous:
            set_immediate(loop, cb, err)
        else:
            cb(err)

    w._write = write
    w.on("finish", calls.must_not_call("finish"))
    w.on("prefinish", calls.must_not_call("prefinish"))
    w.on("error", calls.must_call(lambda er: _message(er, "write test error")))
    w.end("test")
    await wait_for(w, "close")


@pytest.mark.parametrize("asynchronous", [False, True])
async def test_writev_error_means_no_finish(loop, calls, asynchronous):
    w = Writable()

    def fail(cb, message):
        if asynchronous:
            set_immediate(loop, cb, Exception(message))
        else:
            cb(Exception(message))

    w._write = lambda chunks, encoding, cb: fail(cb, "write test error")

    def writev(chunks, cb):
        assert len(chunks) == 2
        fail(cb, "writev test error")

    w._writev = calls.must_call(writev)
    w.on("finish", calls.must_not_call("finish"))
    w.on("prefinish", calls.must_not_call("prefinish"))
    w.on("error", calls.must_call(lambda er: _message(er, "writev test error")))
    w.cork()
    w.write("test")
    set_immediate(loop, w.end, "test")
    await wait_for(w, "close")


@pytest.mark.parametrize("event", ["prefinish", "finish"])
async def test_write_in_finish_listeners(loop, calls, event):
    w = Writable()
    w._write = lambda chunk, encoding, cb: next_tick(cb)
    errors = []
    w.on("error", calls.must_call(errors.append))
    w.on(event, lambda: w.write(f"shouldn't write in {event} listener"))
    w.end()
    await settle()
    assert errors[0].code == "ERR_STREAM_WRITE_AFTER_END"
