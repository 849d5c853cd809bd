"""Port of Node's test/parallel/test-stream-writable-properties.js (writable_corked),
plus the other writable_* properties and their Node names."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Writable


def test_writable_corked():
    w = Writable()
    assert w.writable_corked == 0
    w.uncork()
    assert w.writable_corked == 0
    w.cork()
    assert w.writable_corked == 1
    w.cork()
    assert w.writableCorked == 2
    w.uncork()
    assert w.writable_corked == 1
    w.uncork()
    assert w.writable_corked == 0
    w.uncork()
    assert w.writable_corked == 0


async def test_properties_through_a_write(loop, calls):
    pending = []
    w = Writable(high_water_mark=4, write=lambda chunk, enc, cb: pending.append(cb))
    assert w.writable_high_water_mark == w.writableHighWaterMark == 4
    assert w.writable_object_mode is False
    assert w.writable_length == 0
    assert w.writable_buffer == []
    assert w.errored is None
    assert w.closed is False
    assert w.write(b"abc") is True
    assert w.write(b"de") is False
    assert w.writableLength == 5
    assert [r.chunk for r in w.writableBuffer] == [b"de"]
    pending.pop()()
    assert w.writable_length == 2
    assert [r.chunk for r in w.writable_buffer] == []
    pending.pop()()
    w.end(calls.must_call())
    await settle()
    assert w.writable_finished is True
    assert w.closed is True


def test_object_mode():
    assert Writable(object_mode=True).writable_object_mode is True
    assert Writable(object_mode=True).writable_high_water_mark == 16
    assert Writable().writable_high_water_mark == 16 * 1024
