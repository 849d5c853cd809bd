"""Port of Node's test/parallel/test-stream-transform-callback-twice.js."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Transform


async def test_callback_twice(loop, calls):
    def transform(chunk, enc, cb):
        cb()
        cb()

    def on_error(err):
        assert not isinstance(err, TypeError)
        assert str(err) == "Callback called multiple times"
        assert err.code == "ERR_MULTIPLE_CALLBACK"

    stream = Transform(transform=transform)
    stream.on("error", calls.must_call(on_error))
    stream.write("foo")
    await settle()
