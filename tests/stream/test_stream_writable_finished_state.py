"""Port of Node's test/parallel/test-stream-writable-finished-state.js."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Writable


async def test_finished_state(loop, calls):
    w = Writable()

    def write(chunk, encoding, cb):
        assert w._writable_state.finished is False  # starts False
        cb()

    w._write = write
    w.on("finish", calls.must_call(lambda: _true(w._writable_state.finished)))
    w.end("testing finished state", calls.must_call(
        lambda err=None: _true(w._writable_state.finished)))
    await settle()


def _true(value):
    assert value is True
