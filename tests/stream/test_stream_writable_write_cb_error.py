"""Port of Node's test/parallel/test-stream-writable-write-cb-error.js: a write's
callback gets its error before the stream emits 'error', sync or async."""

from __future__ import annotations

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Writable


async def test_sync_error_callback_before_error_event(loop, calls):
    order = []
    w = Writable(write=calls.must_call(lambda buf, enc, cb: cb(Exception())))
    w.on("error", calls.must_call(lambda err: order.append("error")))
    w.write("hi", calls.must_call(lambda err=None: order.append("callback")))
    await settle()
    assert order == ["callback", "error"]


async def test_async_error_callback_before_error_event(loop, calls):
    order = []
    w = Writable(write=calls.must_call(lambda buf, enc, cb: next_tick(cb, Exception())))
    w.on("error", calls.must_call(lambda err: order.append("error")))
    w.write("hi", calls.must_call(lambda err=None: order.append("callback")))
    await settle()
    assert order == ["callback", "error"]


async def test_no_live_lock_on_sync_error(loop, calls):
    w = Writable(write=calls.must_call(lambda buf, enc, cb: cb(Exception())))
    w.on("error", calls.must_call())
    count = 0
    while w.write("a"):
        count += 1
    assert count == 0
    await settle()
