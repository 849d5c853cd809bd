"""Port of Node's test/parallel/test-stream-readable-flow-recursion.js: a huge read(size)
raises the high-water mark and reads on without recursing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


async def test_flow_recursion(loop: Any, calls: Any) -> None:
    stream = Readable(high_water_mark=2)
    reads = 0
    total = 5000

    def read(size: int) -> None:
        nonlocal reads, total
        reads += 1
        size = min(size, total)
        total -= size
        stream.push(None if size == 0 else bytes(size))

    stream._read = read
    depth = 0

    def flow(size: int, callback: Callable[[Any], None]) -> None:
        nonlocal depth
        depth += 1
        chunk = stream.read(size)
        if not chunk:
            stream.once("readable", lambda: flow(size, callback))
        else:
            callback(chunk)
        depth -= 1

    flow(5000, calls.must_call())
    await settle()
    assert reads == 2
    assert stream.readable_high_water_mark == 8192  # pushed up
    assert stream._readable_state.length == 0  # all pulled out
    assert depth == 0
