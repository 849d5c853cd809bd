"""Port of Node's test/parallel/test-net-end-destroyed.js.

Node: a client that calls end() after 'connect' gets 'end' from the server
(which ends in turn, allowHalfOpen being false) while it is not yet destroyed.
Nothing left out.
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_socket_not_destroyed_at_end(loop):
    connections = []
    server = await start_server()
    server.on("connection", connections.append)
    client = net.create_connection({"port": server.address()["port"], "host": "127.0.0.1"})
    seen = []

    def on_connect():
        def on_end():
            seen.append(client.destroyed)
            server.close()

        client.on("end", on_end)
        client.end()

    client.on("connect", on_connect)
    await until(lambda: seen)
    assert seen == [False]
    assert len(connections) == 1
