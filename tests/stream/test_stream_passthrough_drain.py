"""Port of Node's test/parallel/test-stream-passthrough-drain.js."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import PassThrough


async def test_drain_after_reads(loop, calls):
    pt = PassThrough(high_water_mark=0)
    pt.on("drain", calls.must_call())
    assert not pt.write("hello1")
    pt.read()
    pt.read()
    await settle()
