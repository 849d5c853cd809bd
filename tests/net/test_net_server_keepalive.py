"""Port of Node's test/parallel/test-net-server-keepalive.js.

Node: a server created with ``keepAlive: true, keepAliveInitialDelay: 1000``
turns keep-alive on for each accepted connection with that delay (checked on
the handle); setKeepAlive(true, 1000 / 2000 / 3000) on the socket then
changes the delay (only the two calls that change it reach the handle).
Here SO_KEEPALIVE and TCP_KEEPIDLE are read back from the accepted socket.
"""

import socket

from net_helpers import until

import nodenet.net as net


def keepalive(sock):
    raw = sock._transport.get_extra_info("socket")
    return (raw.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0,
            raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE))


async def test_server_keep_alive_option(loop):
    seen = []

    def on_connection(sock):
        seen.append(keepalive(sock))
        for delay in (1000, 2000, 3000):
            assert sock.set_keep_alive(True, delay) is sock
            seen.append(keepalive(sock))
        sock.destroy()
        server.close()

    server = net.create_server({"keepAlive": True, "keepAliveInitialDelay": 1000},
                               on_connection)
    server.listen(0, "127.0.0.1",
                  lambda: net.connect(server.address()["port"], "127.0.0.1")
                  .on("error", lambda err: None))
    await until(lambda: seen and not server.listening)
    assert seen == [(True, 1), (True, 1), (True, 2), (True, 3)]
