"""Port of Node's test/parallel/test-stream-writable-ended-state.js and
test-stream-writableState-ending.js (ending/ended/finished and writable_ended)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Writable


async def test_ended_state(loop, calls):
    w = Writable()

    def write(chunk, encoding, cb):
        assert w._writable_state.ended is False
        assert w._writable_state.writable is None
        assert w.writable_ended is False
        cb()

    w._write = write
    assert w._writable_state.ended is False
    assert w._writable_state.writable is None
    assert w.writable is True
    assert w.writable_ended is False

    def on_end(err=None):
        assert w._writable_state.ended is True
        assert w._writable_state.writable is None
        assert w.writable is False
        assert w.writableEnded is True

    w.end("testing ended state", calls.must_call(on_end))
    assert w._writable_state.ended is True
    assert w._writable_state.writable is None
    assert w.writable is False
    assert w.writable_ended is True
    await settle()


async def test_writable_state_ending(loop, calls):
    """test-stream-writableState-ending.js"""
    w = Writable()

    def states(ending, finished, ended):
        state = w._writable_state
        assert (state.ending, state.finished, state.ended) == (ending, finished, ended)

    def write(chunk, encoding, cb):
        states(False, False, False)  # all start False
        cb()

    w._write = write
    w.on("finish", calls.must_call(lambda: states(True, True, True)))
    result = w.end("testing function end()", calls.must_call(
        lambda err=None: states(True, True, True)))
    assert result is w  # end() returns the stream
    states(True, False, True)
    await settle()
