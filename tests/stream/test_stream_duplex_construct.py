"""The Duplex parts of Node's test/parallel/test-stream-construct.js (``construct`` on a
Duplex: destroy waits for it, writes and reads wait for it), and the same destroy cases
that file runs on Readable and Writable, run on a Duplex."""

from __future__ import annotations

import asyncio

import pytest
from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Duplex


def _duplex(calls, constructed, **kwargs):
    def construct(cb):
        constructed.append(True)
        next_tick(cb)

    return Duplex(read=calls.must_not_call("read"), write=calls.must_not_call("write"),
                  final=calls.must_not_call("final"), construct=calls.must_call(construct),
                  **kwargs)


def _was_constructed(constructed):
    assert constructed == [True]


@pytest.mark.parametrize("with_callback", [False, True])
async def test_destroy_waits_for_construct(loop, calls, with_callback):
    constructed: list = []
    s = _duplex(calls, constructed)
    s.on("close", calls.must_call(lambda: _was_constructed(constructed)))
    if with_callback:
        s.destroy(None, calls.must_call(lambda *a: _was_constructed(constructed)))
    else:
        s.destroy()
    await settle()


async def test_destroy_with_error_waits_for_construct(loop, calls):
    constructed: list = []
    s = _duplex(calls, constructed)

    def on_error(err):
        assert str(err) == "kaboom"

    def destroyed(err):
        assert str(err) == "kaboom"
        _was_constructed(constructed)

    s.on("close", calls.must_call(lambda: _was_constructed(constructed)))
    s.on("error", calls.must_call(on_error))
    s.destroy(Exception("kaboom"), calls.must_call(destroyed))
    await settle()


async def test_error_after_construct(loop, calls):
    constructed: list = []
    s = _duplex(calls, constructed)
    s.on("error", calls.must_call(lambda err: _was_constructed(constructed)))
    s.on("close", calls.must_call(lambda: _was_constructed(constructed)))
    s.destroy(Exception())
    await settle()


async def test_construct_is_called(loop, calls):
    Duplex(construct=calls.must_call())
    await settle()


async def test_not_readable_duplex_waits_for_construct(loop, calls):
    # nodejs/node#34448
    constructed = []

    def construct(callback):
        def done():
            constructed.append(True)
            callback()

        asyncio.get_running_loop().call_soon(calls.must_call(done))

    def read(n):
        d.push(None)

    d = Duplex(readable=False, construct=calls.must_call(construct),
               write=lambda chunk, encoding, callback: callback(), read=read)
    d.resume()
    d.end("foo")
    d.on("close", calls.must_call(lambda: _was_constructed(constructed)))
    await settle(20)


async def test_writes_and_reads_wait_for_construct(loop, calls):
    log = []

    def construct(cb):
        log.append("construct")
        next_tick(cb)

    def write(chunk, encoding, cb):
        log.append("write " + chunk.decode())
        cb()

    def read(n):
        log.append("read")
        d.push(None)

    d = Duplex(construct=construct, write=write, read=read)
    d.write("a")
    d.on("data", calls.must_not_call("data"))
    d.on("end", calls.must_call())
    d.on("finish", calls.must_call())
    d.end()
    await settle()
    assert log[0] == "construct"
    assert sorted(log[1:]) == ["read", "write a"]
