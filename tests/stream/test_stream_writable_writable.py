"""Port of Node's test/parallel/test-stream-writable-writable.js: ``writable`` turns
False on destroy, on an error and on end()."""

from __future__ import annotations

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Writable


async def test_destroy(loop):
    w = Writable(write=lambda *args: None)
    assert w.writable is True
    w.destroy()
    assert w.writable is False
    await settle()


async def test_sync_write_error(loop, calls):
    w = Writable(write=calls.must_call(lambda chunk, encoding, callback: callback(Exception())))
    assert w.writable is True
    w.write("asd")
    assert w.writable is False
    w.on("error", calls.must_call())
    await settle()


async def test_async_write_error(loop, calls):
    def write(chunk, encoding, callback):
        def later():
            callback(Exception())
            assert w.writable is False

        next_tick(calls.must_call(later))

    w = Writable(write=calls.must_call(write))
    w.write("asd")
    w.on("error", calls.must_call())
    await settle()


async def test_end(loop, calls):
    w = Writable(write=calls.must_not_call("write"))
    assert w.writable is True
    w.end()
    assert w.writable is False
    await settle()


async def test_writable_setter(loop):
    w = Writable(write=lambda *args: None)
    w.writable = False
    assert w._writable_state.writable is False
    assert w.writable is False
    w.writable = True
    assert w.writable is True
