"""Port of Node's test/parallel/test-stream-transform-hwm0.js (highWaterMark 0)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Transform


async def test_hwm0(loop, calls):
    def transform(chunk, enc, callback):
        next_tick(lambda: callback(None, chunk, enc))

    t = Transform(object_mode=True, high_water_mark=0, transform=transform)
    assert t.write(1) is False

    def on_drain():
        assert t.write(2) is False
        t.end()

    def second():
        assert t.read() == 2

    def first():
        assert t.read() == 1
        assert t.read() is None
        t.once("readable", calls.must_call(second))

    t.on("drain", calls.must_call(on_drain))
    t.once("readable", calls.must_call(first))
    await settle(20)
