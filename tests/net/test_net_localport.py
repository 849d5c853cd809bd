"""Port of Node's test/sequential/test-net-localport.js.

Node: connect({host: '127.0.0.1', port, localPort}) connects from that
local port: the client's localPort and the server socket's remotePort are
both the port asked for. Fixed ports are replaced by free ones found first.
"""

import random
import socket

from net_helpers import until

import nodenet.net as net


def free_port():
    """A free port below Linux's ephemeral range, which the kernel never hands out for
    bind(0) or connect(): a port it chose could be taken again by the server's listen(0)
    or by another process's connection between this check and the connect."""
    rng = random.Random()
    for _ in range(100):
        port = rng.randrange(20000, 32000)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise AssertionError("no free port found below the ephemeral range")


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
