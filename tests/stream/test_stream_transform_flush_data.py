"""Port of Node's test/parallel/test-stream-transform-flush-data.js (flush's data)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Transform


async def test_flush_callback_data_is_pushed(loop, calls):
    expected = "asdf"
    t = Transform(transform=lambda d, e, n: n(), flush=lambda n: n(None, expected))
    t.end(b"blerg")
    t.on("data", calls.must_call(lambda data: _eq(data, expected)))
    await settle()


def _eq(data, expected):
    assert data.decode() == expected
