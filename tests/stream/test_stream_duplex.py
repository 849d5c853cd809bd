"""Port of Node's test/parallel/test-stream-duplex.js (an object-mode Transform with its
own _write and _read: push and write both work)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Transform


async def test_object_mode_push_and_write(loop):
    stream = Transform({"objectMode": True})
    assert stream._readable_state.object_mode
    assert stream._writable_state.object_mode
    got = {}

    def write(obj, encoding, cb):
        got["written"] = obj
        cb()

    stream._write = write
    stream._read = lambda n=None: None
    stream.on("data", lambda obj: got.__setitem__("read", obj))
    stream.push({"val": 1})
    stream.end({"val": 2})
    await settle()
    assert got["read"]["val"] == 1
    assert got["written"]["val"] == 2
