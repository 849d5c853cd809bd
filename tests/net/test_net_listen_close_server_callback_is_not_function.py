"""Port of Node's test/parallel/test-net-listen-close-server-callback-is-not-function.js.

Node: ``server.close('bad argument')`` right after ``listen(0, cb)``: the
argument that is not a function is ignored, 'close' is emitted once and the
listen callback is never called. Nothing left out.
"""

import asyncio

import nodenet.net as net


async def test_close_ignores_a_callback_that_is_not_a_function(loop):
    calls = []
    closed = loop.create_future()
    server = net.create_server(lambda sock: calls.append("connection"))
    server.on("close", lambda: (calls.append("close"), closed.set_result(None)))
    server.listen(0, "127.0.0.1", lambda: calls.append("listening"))
    assert server.close("bad argument") is server
    await closed
    await asyncio.sleep(0.05)
    assert calls == ["close"]
