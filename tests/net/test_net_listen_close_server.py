"""Port of Node's test/parallel/test-net-listen-close-server.js.

Node: ``server.listen(0, cb)`` followed at once by ``server.close()``: the
listen callback is never called and no 'error' is emitted. Here the server
listens on 127.0.0.1 and the test waits for 'close' and a little longer to
see that 'listening' does not come late. Nothing left out.
"""

import asyncio

import nodenet.net as net


async def test_close_right_after_listen_cancels_listening(loop):
    calls = []
    closed = loop.create_future()
    server = net.create_server(lambda sock: calls.append("connection"))
    server.listen(0, "127.0.0.1", lambda: calls.append("listening"))
    server.on("error", lambda err: calls.append(("error", err)))
    server.on("close", lambda: closed.set_result(None))
    server.close()
    await closed
    await asyncio.sleep(0.05)
    assert calls == []
    assert server.listening is False
