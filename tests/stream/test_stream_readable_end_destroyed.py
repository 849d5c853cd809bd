"""Port of Node's test/parallel/test-stream-readable-end-destroyed.js."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


async def test_no_end_after_close(loop: Any, calls: Any) -> None:
    r = Readable()
    r.on("end", calls.must_not_call("end"))
    r.resume()
    r.destroy()
    r.on("close", calls.must_call(lambda: r.push(None)))
    await settle()
