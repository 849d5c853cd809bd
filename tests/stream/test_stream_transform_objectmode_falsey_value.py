"""Port of Node's test/parallel/test-stream-transform-objectmode-falsey-value.js (0 and
other falsy objects pass through object-mode PassThroughs)."""

from __future__ import annotations

import asyncio

from stream_helpers import settle

from nodenet.stream import PassThrough


async def test_falsy_values_pass(loop, calls):
    src = PassThrough(object_mode=True)
    tx = PassThrough(object_mode=True)
    dest = PassThrough(object_mode=True)
    expect = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, False, "", []]
    results = []
    dest.on("data", results.append)
    dest.on("end", calls.must_call())
    src.pipe(tx).pipe(dest)
    for value in expect:
        src.write(value)
        await asyncio.sleep(0.001)
    src.end()
    await settle(20)
    assert results == expect
