"""Port of Node's test/parallel/test-stream-readable-invalid-chunk.js. Node 20 does not
throw: the stream is destroyed with ERR_INVALID_ARG_TYPE (what node v20 prints)."""

from __future__ import annotations

from typing import Any

import pytest
from stream_helpers import settle

from nodenet.stream import Readable


@pytest.mark.parametrize("chunk", [[], {}, 0, 1.5, object()])
async def test_invalid_chunk(loop: Any, calls: Any, chunk: Any) -> None:
    readable = Readable(read=lambda n: None)
    errors: list[Any] = []
    readable.on("error", errors.append)
    readable.on("close", calls.must_call())
    assert readable.push(chunk) is False
    assert readable.push(chunk) is False  # destroyed: one error only
    await settle()
    [err] = errors
    assert isinstance(err, TypeError)
    assert err.code == "ERR_INVALID_ARG_TYPE"
    assert str(err).startswith('The "chunk" argument must be of type string or an instance '
                               "of Buffer, TypedArray, or DataView. Received ")


async def test_bytes_like_chunks_are_bytes(loop: Any) -> None:
    readable = Readable(read=lambda n: None)
    readable.push(bytearray(b"ab"))
    readable.push(memoryview(b"cd"))
    assert readable.read() == b"abcd"
