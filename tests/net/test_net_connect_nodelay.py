"""Port of Node's test/parallel/test-net-connect-nodelay.js.

Node: connect({port, noDelay: value}) turns TCP_NODELAY on for truthy values
and leaves it alone (Nagle on, the kernel's default) for falsy ones; each
client connects, ends and gets 'end'. Node checks the calls made on the
handle; here TCP_NODELAY is read back from the connected socket once it has
written twice. Python truthiness is used (``{}`` and ``[]`` are falsy in
Python). Also checked: a client given no noDelay has Nagle on for every write
Nagle could hold (asyncio and uvloop turn it off; nodenet turns it back on
just before the first such write, see Socket._restore_nagle).
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
    server = await start_server(lambda sock: sock.resume())
    seen = []
    ended = []

    def on_connect():
        client.write(b"a")
        client.write(b"b")
        seen.append(nodelay(client))
        client.end()

    client = net.connect({"port": server.address()["port"], "host": "127.0.0.1",
                          "noDelay": value}, on_connect)
    client.on("end", lambda: (ended.append(True), server.close()))
    await until(lambda: ended)
    assert seen == [expected]


#: TCP_NODELAY as the loop leaves a new TCP socket: uvloop turns Nagle off; asyncio only
#: does for sockets created with IPPROTO_TCP, and nodenet's connect() creates them with 0.
LOOP_NODELAY = {"uvloop": True, "asyncio": False}


async def test_default_leaves_nagle_on(loop, loop_kind):
    server = await start_server()
    seen = []

    def on_connect():
        seen.append(nodelay(client))
        client.write(b"first")
        seen.append(nodelay(client))
        client.write(b"second")
        seen.append(nodelay(client))
        client.destroy()

    client = net.connect({"port": server.address()["port"], "host": "127.0.0.1"}, on_connect)
    await until(lambda: len(seen) == 3)
    server.close()
    # a first small write is never held by Nagle, so it is turned on before the second
    assert seen == [LOOP_NODELAY[loop_kind], LOOP_NODELAY[loop_kind], False]


@pytest.mark.parametrize("first, pending", [(b"x" * 513, False), (b"x" * 65536, False),
                                             (b"a", True), (b"x" * 600, True)])
async def test_nagle_on_before_a_write_it_could_hold(loop, first, pending):
    """A first write larger than a minimal MSS may be split, and Nagle could hold its tail;
    writes queued before the connection exists count the same way."""
    server = await start_server(lambda sock: sock.resume())
    seen = []
    client = net.connect({"port": server.address()["port"], "host": "127.0.0.1"})
    if pending:
        client.write(first)
        client.write(first)
        await until(lambda: client._transport is not None)
        seen.append(nodelay(client))
    else:
        await until(lambda: client._transport is not None)
        client.write(first)
        seen.append(nodelay(client))
    client.destroy()
    server.close()
    assert seen == [False]


async def test_single_small_pending_write_leaves_the_loop_setting(loop, loop_kind):
    server = await start_server(lambda sock: sock.resume())
    seen = []
    client = net.connect({"port": server.address()["port"], "host": "127.0.0.1"})
    client.write(b"hello")
    client.on("connect", lambda: seen.append(nodelay(client)))
    await until(lambda: seen)
    client.write(b"again")
    seen.append(nodelay(client))
    client.destroy()
    server.close()
    assert seen == [LOOP_NODELAY[loop_kind], False]
