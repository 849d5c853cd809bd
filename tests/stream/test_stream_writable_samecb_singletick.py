"""After Node's test/parallel/test-stream-writable-samecb-singletick.js: synchronous
writes with the same callback share one tick (Node counts its TickObjects with
async_hooks; here the tick queue's length is counted)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet import _tick
from nodenet._loop import get_loop
from nodenet.stream import Writable


async def test_same_callback_single_tick(loop, calls):
    w = Writable(write=calls.must_call(lambda chunk, encoding, cb: cb(), 100))
    done = calls.must_call(times=100)
    for i in range(100):
        w.write(str(i), done)
    queue = _tick._queues[get_loop()].queue
    assert len(queue) == 1
    await settle()


async def test_different_callbacks_one_tick_each(loop, calls):
    w = Writable(write=lambda chunk, encoding, cb: cb())
    order = []
    w.write("a", calls.must_call(lambda err=None: order.append("a")))
    w.write("b", calls.must_call(lambda err=None: order.append("b")))
    assert order == []
    await settle()
    assert order == ["a", "b"]
