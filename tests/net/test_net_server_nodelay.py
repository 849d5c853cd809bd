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


async def test_server_default_turns_nagle_on_before_the_second_write(loop, loop_kind):
    """Node's default (noDelay false) leaves Nagle on; nodenet turns it back on (uvloop
    turns it off for every TCP socket) before the first write that Nagle could hold."""
    seen = []

    def on_connection(sock):
        sock.write(b"one")
        seen.append(nodelay(sock))
        sock.write(b"two")
        seen.append(nodelay(sock))
        sock.destroy()
        server.close()

    server = net.create_server(on_connection)
    server.listen(0, "127.0.0.1",
                  lambda: net.connect(server.address()["port"], "127.0.0.1")
                  .on("error", lambda err: None))
    await until(lambda: len(seen) == 2 and not server.listening)
    assert seen == [loop_kind == "uvloop", False]
