"""Port of Node's test/parallel/test-net-write-cb-on-destroy-before-connect.js.

Node: a write made while connecting, then destroy(): the write callback gets
ERR_SOCKET_CLOSED_BEFORE_CONNECTION and 'connect' is never emitted.
Nothing left out.
"""

import asyncio

from net_helpers import closed, start_server

import nodenet.net as net


async def test_write_callback_when_destroyed_while_connecting(loop):
    server = await start_server()
    sock = net.Socket()
    calls = []
    sock.on("connect", lambda: calls.append("connect"))
    sock.connect({"port": server.address()["port"], "host": "127.0.0.1"})
    assert sock.connecting
    sock.write("foo", lambda err=None: calls.append(err))
    sock.destroy()
    server.close()
    await closed(sock)
    await asyncio.sleep(0.01)
    assert len(calls) == 1
    assert calls[0].code == "ERR_SOCKET_CLOSED_BEFORE_CONNECTION"
