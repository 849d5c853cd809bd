"""Port of Node's test/parallel/test-stream-writableState-uncorked-bufferedRequestCount.js:
cork()/uncork() and end() against corked and buffered_request_count."""

from __future__ import annotations

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Writable


async def test_uncork_and_buffered_request_count(loop, calls):
    w = Writable()

    def writev(chunks, cb):
        assert len(chunks) == 2  # two chunks to write
        cb()

    w._writev = calls.must_call(writev)
    w._write = calls.must_call(lambda chunk, encoding, cb: cb())
    state = w._writable_state
    w.cork()
    assert state.corked == 1
    assert state.buffered_request_count == 0
    w.cork()
    assert state.corked == 2
    w.write("first chunk")  # buffered
    assert state.buffered_request_count == 1
    w.uncork()  # the first uncork does nothing
    assert state.corked == 1
    assert state.buffered_request_count == 1

    def uncork():
        w.uncork()  # the second one flushes the buffer
        assert state.corked == 0
        assert state.buffered_request_count == 0
        w.cork()
        w.write("third chunk")
        w.end()  # end() uncorks as well
        assert state.corked == 0
        assert state.buffered_request_count == 0

    next_tick(calls.must_call(uncork))
    w.write("second chunk")  # buffered: the uncork comes on a tick
    assert state.corked == 1
    assert state.buffered_request_count == 2
    await settle()
