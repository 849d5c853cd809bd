"""Port of Node's test/parallel/test-net-connect-reset-before-connected.js.

Node: resetAndDestroy() and destroy() right after connect() (the server is
closed at once): neither the connect callback nor 'error' is called.
Nothing left out.
"""

import asyncio

from net_helpers import closed

import nodenet.net as net


async def test_reset_while_connecting(loop):
    calls = []
    server = net.create_server()
    server.listen(0, "127.0.0.1")
    port = server.address()["port"]
    sock = net.connect(port, "127.0.0.1", lambda: calls.append("connect"))
    sock.on("error", calls.append)
    server.close()
    sock.reset_and_destroy()
    sock.destroy()
    await closed(sock)
    await asyncio.sleep(0.02)
    assert calls == []
