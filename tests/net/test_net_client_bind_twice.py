"""Port of Node's test/parallel/test-net-client-bind-twice.js.

Node: connect({host, port, localAddress, localPort}) with the local port of
a listening server fails with EADDRINUSE and never connects.
Nothing left out (127.0.0.1).
"""

from net_helpers import not_called, start_server, until

import nodenet.net as net


async def test_connect_from_a_port_in_use(loop):
    server1 = await start_server(not_called)
    server2 = await start_server(not_called)
    errors = []
    client = net.connect({"host": "127.0.0.1", "port": server1.address()["port"],
                          "localAddress": "127.0.0.1", "localPort": server2.address()["port"]},
                         not_called)
    client.on("error", lambda err: (errors.append(err), server1.close(), server2.close()))
    await until(lambda: errors)
    assert errors[0].code == "EADDRINUSE"
