"""Port of Node's test/parallel/test-net-server-nodelay.js.

Node: a server created with ``noDelay: true`` sets TCP_NODELAY on each
accepted connection (checked on the handle), and a later setNoDelay(true)
on the socket changes nothing. Here TCP_NODELAY is read back from the
accepted socket before and after setNoDelay(true).
"""

import socket

from net_helpers import until

import nodenet.net as net


def nodelay(sock):
    raw = sock._transport.get_extra_info("socket")
    return raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


async def test_server_no_delay_option(loop):
    seen = []

    def on_connection(sock):
        seen.append(nodelay(sock))
        assert sock.setNoDelay(True) is sock
        seen.append(nodelay(sock))
        sock.destroy()
        server.close()

    server = net.create_server({"noDelay": True}, on_connection)
    server.listen(0, "127.0.0.1",
                  lambda: net.connect(server.address()["port"], "127.0.0.1")
                  .on("error", lambda err: None))
    await until(lambda: seen and not server.listening)
    assert seen == [True, True]
