"""Port of Node's test/parallel/test-net-connect-immediate-destroy.js.

Node: destroy() right after connect() (the server closed at once): no
connect callback and no 'error'. Nothing left out.
"""

import asyncio

from net_helpers import closed

import nodenet.net as net


async def test_destroy_while_connecting(loop):
    calls = []
    server = net.create_server()
    server.listen(0, "127.0.0.1")
    port = server.address()["port"]
    sock = net.connect(port, "127.0.0.1", lambda: calls.append("connect"))
    sock.on("error", calls.append)
    server.close()
    sock.destroy()
    await closed(sock)
    await asyncio.sleep(0.02)
    assert calls == []
    assert sock.destroyed is True
