"""Port of Node's test/parallel/test-stream-readable-hwm-0.js: with highWaterMark 0,
read(0) calls _read() instead of only emitting 'readable'."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Readable


async def test_hwm_0(loop: Any, calls: Any) -> None:
    # _read() once, when the 'readable' listener is added.
    r = Readable(read=calls.must_call(), high_water_mark=0)
    pushed_null = False

    def on_readable() -> None:
        assert r.read() is None
        assert pushed_null is True

    r.on("readable", calls.must_call(on_readable))
    r.on("end", calls.must_call())

    def later() -> None:
        nonlocal pushed_null
        assert r.read() is None
        pushed_null = True
        r.push(None)

    next_tick(later)
    await settle()
