"""Port of Node's test/parallel/test-net-server-async-dispose.mjs.

Node: ``server[Symbol.asyncDispose]()`` closes a listening server (its
'close' is emitted, address() is then null) and resolves; called again on
the closed server it still resolves. In Python that is ``await
server.aclose()`` and ``async with server``.
"""

from net_helpers import listening

import nodenet.net as net


async def test_aclose_closes_the_server(loop):
    server = net.create_server()
    closes = []
    server.on("close", lambda: closes.append(True))
    await listening(server)
    await server.aclose()
    assert server.address() is None
    assert closes == [True]


async def test_aclose_of_a_closed_server_resolves(loop):
    server = await listening(net.create_server())
    await server.aclose()
    await server.aclose()
    assert server.listening is False


async def test_async_with(loop):
    server = net.create_server()
    closes = []
    server.on("close", lambda: closes.append(True))
    async with await listening(server) as entered:
        assert entered is server
        assert server.listening
    assert server.address() is None
    assert closes == [True]
