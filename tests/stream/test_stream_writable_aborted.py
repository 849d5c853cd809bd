"""Port of Node's test/parallel/test-stream-writable-aborted.js (writable_aborted)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Writable


async def test_aborted_by_destroy(loop):
    w = Writable(write=lambda *args: None)
    assert w.writable_aborted is False
    w.destroy()
    assert w.writableAborted is True
    await settle()


async def test_aborted_after_end(loop):
    w = Writable(write=lambda *args: None)
    assert w.writable_aborted is False
    w.end()
    w.destroy()
    assert w.writable_aborted is True
    await settle()


async def test_not_aborted_once_finished(loop, calls):
    w = Writable(write=lambda chunk, enc, cb: cb())
    w.end(calls.must_call())
    await settle()
    assert w.destroyed is True
    assert w.writable_aborted is False
