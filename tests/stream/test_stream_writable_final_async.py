"""Port of Node's test/parallel/test-stream-writable-final-async.js (with a Writable, not
a Duplex): an ``async def _final`` runs as a task, as a JS async function would."""

from __future__ import annotations

import asyncio

from nodenet.stream import Writable


async def test_async_final(loop, calls):
    class Foo(Writable):
        async def _final(self, callback):
            await asyncio.sleep(0.001)
            callback()

    foo = Foo()
    foo._write = calls.must_call(lambda chunk, encoding, cb: cb())
    done = loop.create_future()
    foo.end("test", calls.must_call(lambda err=None: done.set_result(err)))
    foo.on("error", calls.must_not_call("error"))
    assert await asyncio.wait_for(done, 5) is None


async def test_async_final_that_raises_reaches_the_loop(loop, calls):
    async def final(callback):
        raise ValueError("boom")

    w = Writable(write=lambda chunk, encoding, cb: cb(), final=final)
    w.on("finish", calls.must_not_call("finish"))
    w.end()
    for _ in range(20):
        await asyncio.sleep(0)
        if loop.errors:
            break
    # A rejected async function is an unhandled rejection in Node: the loop's here.
    assert [type(c.get("exception")) for c in loop.errors] == [ValueError]
    loop.errors.clear()
