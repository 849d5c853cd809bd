"""Port of Node's test/parallel/test-stream-writable-callback-twice.js and
test-stream-writable-write-cb-twice.js: a second call of the write callback is
ERR_MULTIPLE_CALLBACK."""

from __future__ import annotations

import pytest
from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Writable


async def test_callback_twice(loop, calls):
    def write(chunk, enc, cb):
        cb()
        cb()

    stream = Writable(write=write)
    errors = []
    stream.on("error", calls.must_call(errors.append))
    stream.write("foo")
    await settle()
    assert errors[0].code == "ERR_MULTIPLE_CALLBACK"
    assert str(errors[0]) == "Callback called multiple times"


@pytest.mark.parametrize("first_async, second_async",
                         [(False, False), (False, True), (True, True)])
async def test_write_cb_twice(loop, calls, first_async, second_async):
    def write(buf, enc, cb):
        if first_async:
            next_tick(cb)
        else:
            cb()
        if second_async:
            next_tick(lambda: cb())
        else:
            cb()

    w = Writable(write=calls.must_call(write))
    w.write("hi")
    errors = []
    w.on("error", calls.must_call(errors.append))
    await settle()
    assert errors[0].code == "ERR_MULTIPLE_CALLBACK"
