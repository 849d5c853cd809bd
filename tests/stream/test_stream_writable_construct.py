"""Port of the Writable parts of Node's test/parallel/test-stream-construct.js: the
``construct`` option runs on a tick, writes and destroy wait for it."""

from __future__ import annotations

import pytest
from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Writable


async def test_multiple_callback(loop, calls):
    def construct(callback):
        callback()
        callback()

    w = Writable(construct=calls.must_call(construct))
    codes = []
    w.on("error", calls.must_call(lambda err: codes.append(err.code)))
    await settle()
    assert codes == ["ERR_MULTIPLE_CALLBACK"]


@pytest.mark.parametrize("asynchronous", [False, True])
async def test_construct_error(loop, calls, asynchronous):
    def construct(callback):
        if asynchronous:
            next_tick(callback, Exception("test"))
        else:
            callback(Exception("test"))

    w = Writable(construct=calls.must_call(construct))
    w.on("error", calls.must_call(lambda err: _message(err, "test")))
    await settle()


def _message(err, message):
    assert str(err) == message


def factory(calls, constructed):
    def construct(cb):
        constructed.append(True)
        next_tick(cb)

    return Writable(construct=calls.must_call(construct), write=calls.must_not_call("write"),
                    final=calls.must_not_call("final"))


async def test_destroy_waits_for_construct(loop, calls):
    constructed = []
    s = factory(calls, constructed)
    s.on("close", calls.must_call(lambda: _eq(constructed, [True])))
    s.destroy()
    await settle()


def _eq(a, b):
    assert a == b


async def test_destroy_callback_waits_for_construct(loop, calls):
    constructed = []
    s = factory(calls, constructed)
    s.on("close", calls.must_call(lambda: _eq(constructed, [True])))
    s.destroy(None, calls.must_call(lambda err=None: _eq(constructed, [True])))
    await settle()


async def test_destroy_with_error_waits_for_construct(loop, calls):
    constructed = []
    s = factory(calls, constructed)
    s.on("close", calls.must_call(lambda: _eq(constructed, [True])))
    s.on("error", calls.must_call(lambda err: _message(err, "kaboom")))

    def on_destroyed(err=None):
        assert str(err) == "kaboom"
        assert constructed == [True]

    s.destroy(Exception("kaboom"), calls.must_call(on_destroyed))
    await settle()


async def test_error_and_close_after_construct(loop, calls):
    constructed = []
    s = factory(calls, constructed)
    s.on("error", calls.must_call(lambda err: _eq(constructed, [True])))
    s.on("close", calls.must_call(lambda: _eq(constructed, [True])))
    s.destroy(Exception())
    await settle()


@pytest.mark.parametrize("with_data", [True, False])
async def test_write_and_final_wait_for_construct(loop, calls, with_data):
    constructed = []

    def construct(cb):
        constructed.append(True)
        next_tick(cb)

    def write(chunk, encoding, cb):
        assert constructed == [True]
        next_tick(cb)

    def final(cb):
        assert constructed == [True]
        next_tick(cb)

    w = Writable(auto_destroy=True, construct=calls.must_call(construct),
                 write=calls.must_call(write) if with_data else calls.must_not_call("write"),
                 final=calls.must_call(final))
    w.on("close", calls.must_call(lambda: _eq(constructed, [True])))
    if with_data:
        w.end("data")
        assert w.writable_length == 4
        assert len(w.writable_buffer) == 1
    else:
        w.end()
    await settle()


async def test_construct_as_a_method(loop, calls):
    order = []

    class Delayed(Writable):
        def _construct(self, callback):
            order.append("construct")
            loop.call_soon(callback)

        def _write(self, chunk, encoding, callback):
            order.append(chunk)
            callback()

    w = Delayed()
    w.write(b"a")
    w.write(b"b")
    w.end(b"c", calls.must_call())
    assert order == []
    await settle()
    assert order == ["construct", b"a", b"b", b"c"]
