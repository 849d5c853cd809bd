"""Port of Node's test/parallel/test-stream-readable-with-unimplemented-_read.js. Node 20
does not throw from read(): the stream is destroyed with ERR_METHOD_NOT_IMPLEMENTED."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


async def test_unimplemented_read(loop: Any, calls: Any) -> None:
    readable = Readable()

    def on_error(err: Any) -> None:
        assert err.code == "ERR_METHOD_NOT_IMPLEMENTED"
        assert str(err) == "The _read() method is not implemented"

    readable.on("error", calls.must_call(on_error))
    readable.on("close", calls.must_call())
    assert readable.read() is None
    await settle()
