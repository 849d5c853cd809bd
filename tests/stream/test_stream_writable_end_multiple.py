"""Port of Node's test/parallel/test-stream-writable-end-multiple.js: end() again is
forgiven until 'finish', then ERR_STREAM_ALREADY_FINISHED."""

from __future__ import annotations

import asyncio

from nodenet.stream import Writable


async def test_end_multiple(loop, calls):
    w = Writable()
    w._write = lambda chunk, encoding, cb: loop.call_later(0.01, cb)
    done = loop.create_future()
    w.end("testing ended state", calls.must_call())
    w.end(calls.must_call())

    def on_finish():
        def on_end(err=None):
            assert err.code == "ERR_STREAM_ALREADY_FINISHED"
            assert str(err) == "Cannot call end after a stream was finished"
            done.set_result(None)

        w.end(calls.must_call(on_end))

    w.on("finish", calls.must_call(on_finish))
    await asyncio.wait_for(done, 5)
