"""Port of Node's test/parallel/test-net-socket-setnodelay.js.

Node: setNoDelay() with no argument enables TCP_NODELAY; truthy values
enable it and falsy values disable it; it returns the socket. Node checks
the calls made on fake handles; here the option is read back from the real
connected socket. Python truthiness is used: ``{}`` and ``[]`` are falsy in
Python (truthy in JavaScript), so they are among the falsy values here.
Left out: a handle without setNoDelay (no fake handles in Python).
"""

import socket

from net_helpers import connected, start_server

import nodenet.net as net

TRUTHY = [True, 1, "true", {"a": 1}, [0]]
FALSY = [False, 0, "", {}, []]


def nodelay(sock):
    raw = sock._transport.get_extra_info("socket")
    return raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0




async def test_set_no_delay(loop):
    server = await start_server()
    client = await connected(server.address()["port"])
    try:
        assert client.set_no_delay(False) is client
        assert nodelay(client) is False
        assert client.set_no_delay() is client
        assert nodelay(client) is True
        for value in FALSY:
            client.set_no_delay(value)
            assert nodelay(client) is False, value
        for value in TRUTHY:
            client.set_no_delay(value)
            assert nodelay(client) is True, value
        for value in TRUTHY + FALSY:
            assert client.setNoDelay(value) is client
        assert nodelay(client) is False
    finally:
        client.destroy()
        server.close()


def test_set_no_delay_before_connect_returns_the_socket():
    sock = net.Socket()
    assert sock.set_no_delay(True) is sock
