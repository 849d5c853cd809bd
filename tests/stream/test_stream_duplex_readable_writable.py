"""Port of Node's test/parallel/test-stream-duplex-readable-writable.js (the options
``readable: false`` and ``writable: false``).

The stored test expects ``duplex.readable``/``writable`` to be undefined; node v20 gives
false."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Duplex


async def test_not_readable(loop, calls):
    duplex = Duplex(readable=False)
    assert duplex.readable is False
    duplex.push("asd")
    duplex.on("error", calls.must_call(
        lambda err: _code(err, "ERR_STREAM_PUSH_AFTER_EOF")))
    duplex.on("data", calls.must_not_call())
    duplex.on("end", calls.must_not_call())
    await settle()


async def test_not_writable(loop, calls):
    duplex = Duplex(writable=False, write=calls.must_not_call())
    assert duplex.writable is False
    duplex.write("asd")
    duplex.on("error", calls.must_call(
        lambda err: _code(err, "ERR_STREAM_WRITE_AFTER_END")))
    duplex.on("finish", calls.must_not_call())
    await settle()


async def test_not_readable_async_iteration(loop, calls):
    duplex = Duplex(readable=False)
    duplex.on("data", calls.must_not_call())
    duplex.on("end", calls.must_not_call())
    async for chunk in duplex:
        raise AssertionError(chunk)


def _code(err, code):
    assert err.code == code
