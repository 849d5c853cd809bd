"""Port of Node's test/parallel/test-net-connect-keepalive.js.

Node: connect({port, keepAlive: value, keepAliveInitialDelay: ms}) calls
setKeepAlive(true, seconds) on the handle for truthy values, the delay in
whole seconds (123 -> 0, 456123 -> 456, negative or undefined -> 0), and
does not call it for falsy values. Node checks the handle's calls; here
SO_KEEPALIVE is read back from the connected socket, and TCP_KEEPIDLE for a
delay of whole seconds. Python truthiness is used ({} and [] are falsy).
Left out: the idle time for delays under a second (Node passes 0 to libuv,
which keeps the system default; the kernel has no 0).
"""

import socket

import pytest
from net_helpers import start_server, until

import nodenet.net as net


def keepalive(sock):
    raw = sock._transport.get_extra_info("socket")
    return (raw.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0,
            raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE))


async def connect_and_check(server, **options):
    seen = []
    ended = []

    def on_connect():
        seen.append(keepalive(client))
        client.end()

    opts = {"port": server.address()["port"], "host": "127.0.0.1"}
    opts.update(options)
    client = net.connect(opts, on_connect)
    client.on("end", lambda: (ended.append(True), server.close()))
    await until(lambda: ended)
    return seen[0]


@pytest.mark.parametrize("value", [True, 1, "true", {"a": 1}, [0]])
@pytest.mark.parametrize("delay", [123, 456123, -123000, None])
async def test_truthy_keep_alive(loop, value, delay):
    server = await start_server()
    enabled, idle = await connect_and_check(server, keepAlive=value,
                                            keepAliveInitialDelay=delay)
    assert enabled is True
    if delay == 456123:
        assert idle == 456


@pytest.mark.parametrize("value", [False, 0, ""])
async def test_falsy_keep_alive(loop, value):
    server = await start_server()
    enabled, _ = await connect_and_check(server, keepAlive=value)
    assert enabled is False
