"""Port of Node's test/parallel/test-stream-writable-finished.js (writable_finished,
'finish' asynchronous, 'prefinish' and _final synchronous)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Writable


def test_writable_finished_is_on_the_class():
    assert "writable_finished" in Writable.__dict__
    assert Writable.writableFinished is Writable.writable_finished


async def test_finished_state_through_events(loop, calls):
    w = Writable()

    def write(chunk, encoding, cb):
        assert w.writable_finished is False
        cb()

    w._write = write
    w.on("finish", calls.must_call(lambda: _true(w.writable_finished)))
    w.end("testing finished state", calls.must_call(lambda err=None: _true(w.writableFinished)))
    await settle()


def _true(value):
    assert value is True


async def test_finish_is_emitted_asynchronously(loop, calls):
    w = Writable(write=lambda chunk, encoding, cb: cb())
    w.end()
    w.on("finish", calls.must_call())
    await settle()


async def test_prefinish_is_emitted_synchronously(loop, calls):
    w = Writable(write=lambda chunk, encoding, cb: cb())
    sync = [True]
    w.on("prefinish", calls.must_call(lambda: _true(sync[0])))
    w.end()
    sync[0] = False
    await settle()


async def test_prefinish_is_synchronous_with_final(loop, calls):
    w = Writable(write=lambda chunk, encoding, cb: cb(), final=lambda cb: cb())
    sync = [True]
    w.on("prefinish", calls.must_call(lambda: _true(sync[0])))
    w.end()
    sync[0] = False
    await settle()


async def test_final_is_called_synchronously(loop, calls):
    sync = [True]

    def final(cb):
        assert sync[0] is True
        cb()

    w = Writable(write=lambda chunk, encoding, cb: cb(), final=calls.must_call(final))
    w.end()
    sync[0] = False
    await settle()
