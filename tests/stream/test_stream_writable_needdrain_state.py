"""Port of Node's test/parallel/test-stream-writable-needdrain-state.js (with a Writable
rather than a Transform, whose _write is not this module's), plus writable_need_drain."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Writable


async def test_need_drain_after_a_synchronous_write(loop, calls):
    w = Writable(high_water_mark=1)

    def write(chunk, encoding, cb):
        # node v20 prints false here for a Writable: need_drain is set after _write returns.
        assert w._writable_state.need_drain is False
        cb()

    w._write = calls.must_call(write)
    assert w._writable_state.need_drain is False
    w.write("asdasd", calls.must_call(lambda err=None: _is(w._writable_state.need_drain, False)))
    # The write completed synchronously: nothing is buffered, so no drain is needed.
    assert w._writable_state.need_drain is False
    await settle()


def _is(a, b):
    assert a is b


async def test_need_drain_with_a_pending_write(loop, calls):
    pending = []
    w = Writable(high_water_mark=1, write=lambda chunk, encoding, cb: pending.append(cb))
    assert w.write("asdasd") is False
    assert w._writable_state.need_drain is True
    assert w.writable_need_drain is True
    assert w.writableNeedDrain is True
    w.on("drain", calls.must_call())
    pending.pop()()
    await settle()
    assert w._writable_state.need_drain is False
    assert w.writable_need_drain is False


async def test_need_drain_false_once_ending(loop):
    pending = []
    w = Writable(high_water_mark=1, write=lambda chunk, encoding, cb: pending.append(cb))
    w.write("asdasd")
    w.end()
    assert w._writable_state.need_drain is True
    assert w.writable_need_drain is False
    pending.pop()()
    await settle()
