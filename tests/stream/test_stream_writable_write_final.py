"""Port of Node's test/parallel/test-stream-write-final.js: 'finish' waits for the
``final`` option's callback; plus test-stream-writable-final-destroy.js and
test-stream-writable-end-cb-uncaught.js."""

from __future__ import annotations

import asyncio

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Writable


async def test_finish_after_final(loop, calls):
    shutdown = []

    def final(cb):
        def done():
            shutdown.append(True)
            cb()

        loop.call_later(0.1, done)

    w = Writable(final=calls.must_call(final), write=lambda chunk, e, cb: next_tick(cb))
    finished = loop.create_future()
    w.on("finish", calls.must_call(lambda: finished.set_result(list(shutdown))))
    w.write(b"\0")
    w.end(b"")
    assert await asyncio.wait_for(finished, 5) == [True]


async def test_final_then_destroy(loop, calls):
    """test-stream-writable-final-destroy.js"""
    w = Writable(write=lambda chunk, encoding, callback: callback(None),
                 final=lambda callback: loop.call_soon(callback))
    w.end()
    w.destroy()
    w.on("prefinish", calls.must_not_call("prefinish"))
    w.on("finish", calls.must_not_call("finish"))
    w.on("close", calls.must_call())
    await settle()


async def test_final_error_without_listener_is_uncaught(loop, calls):
    """test-stream-writable-end-cb-uncaught.js: the 'error' nobody listens to reaches the
    loop's exception handler (Node's uncaughtException), after the end() callback."""
    w = Writable()
    err = Exception("kaboom")
    w._write = lambda chunk, encoding, cb: cb()
    w._final = lambda cb: cb(err)
    w.write("asd")
    w.end(calls.must_call(lambda e=None: _same(e, err)))
    await settle()
    assert [c.get("exception") for c in loop.errors] == [err]
    loop.errors.clear()


def _same(a, b):
    assert a is b


async def test_final_called_once(loop, calls):
    w = Writable(write=lambda chunk, encoding, cb: cb(), final=calls.must_call(lambda cb: cb()))
    w.end()
    w.end()
    w.on("finish", calls.must_call())
    await settle()


async def test_final_callback_twice(loop, calls):
    def final(cb):
        cb()
        cb()

    w = Writable(write=lambda chunk, encoding, cb: cb(), final=final)
    order = []
    w.on("error", calls.must_call(lambda err: order.append(err.code)))
    w.on("finish", calls.must_call(lambda: order.append("finish")))
    w.on("close", calls.must_call(lambda: order.append("close")))
    w.end()
    await settle()
    assert order == ["finish", "ERR_MULTIPLE_CALLBACK", "close"]  # node v20's order
