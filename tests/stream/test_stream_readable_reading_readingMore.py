"""Port of Node's test/parallel/test-stream-readable-reading-readingMore.js (its first
part). The stored test is newer than Node 20: the expectations are what node v20 prints
for the same program (three 'readable' events, the first 'data' from read(6))."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Readable


async def test_reading_and_reading_more(loop: Any, calls: Any) -> None:
    readable = Readable(read=lambda size: None)
    state = readable._readable_state
    assert state.reading is False
    assert state.reading_more is False
    seen: list[tuple[Any, ...]] = []

    def on_data(data: Any) -> None:
        seen.append(("data", data, readable.readable_flowing, state.reading_more,
                     state.reading, state.ended))

    def on_stream_end(what: str) -> None:
        seen.append((what, state.reading_more, state.reading))

    def on_readable() -> None:
        seen.append(("readable", state.reading_more, state.ended, state.reading))
        data = readable.read()
        seen.append(("read", data))
        if data is None:
            next_tick(on_stream_end, "tick")

    readable.on("data", calls.must_call(on_data, 2))
    readable.on("readable", calls.must_call(on_readable, 3))
    readable.on("end", calls.must_call(lambda: on_stream_end("end")))
    readable.push("pushed")
    readable.pause()
    readable.read(6)
    assert state.reading is True
    assert state.reading_more is True
    readable.resume()
    readable.unshift("unshifted")
    readable.push(None)
    await settle()
    assert seen == [
        ("data", b"pushed", False, True, True, False),
        ("readable", True, True, False),
        ("data", b"unshifted", False, True, False, True),
        ("read", b"unshifted"),
        ("readable", True, True, False),
        ("read", None),
        ("readable", False, True, False),
        ("read", None),
        ("end", False, False),
        ("tick", False, False),
        ("tick", False, False),
    ]
