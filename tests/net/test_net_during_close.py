"""Port of Node's test/parallel/test-net-during-close.js.

Node: reading remoteAddress, remoteFamily and remotePort of a client that is
still connecting (the server just closed) does not throw. Node exits at
once; here the test reads them (None) and then destroys the client.
"""

from net_helpers import closed, start_server

import nodenet.net as net


async def test_remote_properties_while_connecting(loop):
    server = await start_server(lambda sock: sock.end())
    client = net.create_connection(server.address()["port"], "127.0.0.1")
    server.close()
    assert client.remote_address is None
    assert client.remote_family is None
    assert client.remote_port is None
    client.on("error", lambda err: None)
    client.destroy()
    await closed(client)
    assert client.destroyed
