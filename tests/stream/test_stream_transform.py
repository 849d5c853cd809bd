"""Transform and PassThrough, checked against node v20 running the same program
(after Node's test-stream2-transform.js, test-stream-transform-callback-twice.js,
test-stream-passthrough-*.js)."""

from __future__ import annotations

import pytest
from stream_helpers import settle

from nodenet.errors import NodeError
from nodenet.stream import PassThrough, Transform


async def test_transform_and_flush_in_node_order(loop, calls):
    log = []

    def transform(chunk, encoding, callback):
        callback(None, chunk.decode().upper().encode())

    t = Transform(transform=transform, flush=lambda callback: callback(None, b"END"))
    t.on("data", lambda data: log.append("data:" + data.decode()))
    t.on("end", calls.must_call(lambda: log.append("end")))
    t.on("finish", calls.must_call(lambda: log.append("finish")))
    t.on("close", calls.must_call(lambda: log.append("close")))
    t.write("a")
    t.write("b")
    t.end("c")
    await settle(20)
    assert log == ["data:A", "data:B", "data:C", "data:END", "end", "finish", "close"]


async def test_callback_called_twice_is_an_error(loop, calls):
    def transform(chunk, encoding, callback):
        callback()
        callback()

    t = Transform({"transform": transform})
    errors = []
    t.on("error", calls.must_call(errors.append))
    t.write("x")
    await settle()
    assert errors[0].code == "ERR_MULTIPLE_CALLBACK"
    assert str(errors[0]) == "Callback called multiple times"


async def test_missing_transform_raises_from_write(loop):
    t = Transform()
    with pytest.raises(NodeError) as info:
        t.write("x")
    assert info.value.code == "ERR_METHOD_NOT_IMPLEMENTED"
    assert str(info.value) == "The _transform() method is not implemented"


async def test_passthrough_passes_bytes(loop, calls):
    pt = PassThrough()
    got = []
    pt.on("data", got.append)
    pt.on("end", calls.must_call())
    pt.end("hello")
    await settle()
    assert b"".join(got) == b"hello"


async def test_subclass_transform_object_mode(loop, calls):
    class Double(Transform):
        def _transform(self, chunk, encoding, callback):
            self.push(chunk * 2)
            callback()

    t = Double(object_mode=True)
    got = []
    t.on("data", got.append)
    t.on("end", calls.must_call())
    for n in (1, 2, 3):
        t.write(n)
    t.end()
    await settle(20)
    assert got == [2, 4, 6]


async def test_transform_error_destroys(loop, calls):
    t = Transform(transform=lambda chunk, enc, cb: cb(RuntimeError("boom")))
    t.on("error", calls.must_call(lambda err: None))
    t.on("close", calls.must_call())
    t.write(b"x")
    await settle()
    assert t.destroyed
