"""Port of Node's test/parallel/test-stream-readable-data.js: 'data' after a 'readable'
listener was added and removed."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Readable


async def test_data_after_readable_removed(loop: Any, calls: Any) -> None:
    readable = Readable(read=lambda n: None)

    def read() -> None:
        pass

    readable.set_encoding("utf8")
    readable.on("readable", read)
    readable.remove_listener("readable", read)

    def later() -> None:
        readable.on("data", calls.must_call())
        readable.push("hello")

    next_tick(later)
    await settle()
