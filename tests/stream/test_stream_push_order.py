"""Port of Node's test/parallel/test-stream-push-order.js: chunks pushed by _read() calls
made from maybe_read_more stay in order."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


async def test_push_order(loop: Any) -> None:
    s = Readable(high_water_mark=20, encoding="ascii")
    items = ["1", "2", "3", "4", "5", "6"]

    def read(n: int) -> None:
        if not items:
            s.push(None)
        else:
            s.push(items.pop(0))
            s.push(items.pop(0))

    s._read = read
    s.read(0)
    await settle()
    assert list(s._readable_state.buffer) == ["1", "2", "3", "4", "5", "6"]
