"""Port of Node's test/parallel/test-stream-writable-clear-buffer.js:
buffered_request_count always matches get_buffer()."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from nodenet.stream import Writable


@pytest.fixture
def StreamWritable() -> Any:
    """The class, derived from the stream class of the test's implementation."""

    class StreamWritable(Writable):
        def __init__(self):
            super().__init__({"objectMode": True})

        def _write(self, chunk, encoding, cb):
            loop = asyncio.get_running_loop()
            loop.call_soon(loop.call_soon, cb)  # Node's setImmediate

    return StreamWritable


async def test_buffered_request_count_matches_buffer(loop, calls, StreamWritable):
    stream = StreamWritable()
    stream.cork()
    seen = []

    def check(i):
        def callback(err=None):
            state = stream._writable_state
            assert state.buffered_request_count == len(state.get_buffer())
            assert state.bufferedRequestCount == len(state.getBuffer())
            seen.append((i, state.buffered_request_count))

        return calls.must_call(callback)

    for i in range(1, 6):
        stream.write(i, check(i))
    stream.end()
    await asyncio.wait_for(_closed(stream), 5)
    assert seen == [(1, 3), (2, 2), (3, 1), (4, 0), (5, 0)]  # what node v20 prints


async def _closed(stream):
    fut = asyncio.get_running_loop().create_future()
    stream.once("close", lambda: fut.set_result(None))
    await fut
