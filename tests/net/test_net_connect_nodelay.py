"""Port of Node's test/parallel/test-net-connect-nodelay.js.

Node: connect({port, noDelay: value}) turns TCP_NODELAY on for truthy values
and leaves it alone (Nagle on, the kernel's default) for falsy ones; each
client connects, ends and gets 'end'. Node checks the calls made on the
handle; here TCP_NODELAY is read back from the connected socket. Python
truthiness is used (``{}`` and ``[]`` are falsy in Python). Also checked:
a client given no noDelay keeps Nagle on (asyncio and uvloop turn it off).
"""

import socket

import pytest
from net_helpers import start_server, until

import nodenet.net as net


def nodelay(sock):
    raw = sock._transport.get_extra_info("socket")
    return raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


@pytest.mark.parametrize("value, expected", [
    (True, True), (1, True), ("true", True), ({"a": 1}, True), ([0], True),
    (False, False), (0, False), ("", False),
])
async def test_no_delay_option(loop, value, expected):
    server = await start_server()
    seen = []
    ended = []

    def on_connect():
        seen.append(nodelay(client))
        client.end()

    client = net.connect({"port": server.address()["port"], "host": "127.0.0.1",
                          "noDelay": value}, on_connect)
    client.on("end", lambda: (ended.append(True), server.close()))
    await until(lambda: ended)
    assert seen == [expected]


async def test_default_leaves_nagle_on(loop):
    server = await start_server()
    seen = []
    client = net.connect({"port": server.address()["port"], "host": "127.0.0.1"},
                         lambda: (seen.append(nodelay(client)), client.destroy()))
    await until(lambda: seen)
    server.close()
    assert seen == [False]
