"""Port of Node's test/sequential/test-net-localport.js.

Node: connect({host: '127.0.0.1', port, localPort}) connects from that
local port: the client's localPort and the server socket's remotePort are
both the port asked for. Fixed ports are replaced by free ones found first.
"""

import socket

from net_helpers import until

import nodenet.net as net


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_connect_from_a_local_port(loop):
    local = free_port()
    seen = []

    def on_connection(sock):
        seen.append(("server", sock.remote_port))
        sock.end()
        sock.on("close", lambda had_error: server.close())

    server = net.create_server(on_connection)

    def on_listening():
        client = net.connect({"host": "127.0.0.1", "port": server.address()["port"],
                              "localPort": local})
        client.on("connect", lambda: seen.append(("client", client.local_port)))

    server.listen(0, "127.0.0.1").on("listening", on_listening)
    await until(lambda: len(seen) == 2 and not server.listening)
    assert sorted(seen) == [("client", local), ("server", local)]
