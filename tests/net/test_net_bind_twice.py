"""Port of Node's test/parallel/test-net-bind-twice.js.

Node: a second server on the port of a first (both on 127.0.0.1) emits
EADDRINUSE and neither its callback nor a connection happens.
Nothing left out.
"""

import asyncio

from net_helpers import not_called, until

import nodenet.net as net


async def test_second_bind_fails(loop):
    errors = []

    def on_listening():
        server2 = net.create_server(not_called)
        server2.listen(server1.address()["port"], "127.0.0.1", not_called)
        server2.on("error", lambda e: (errors.append(e.code), server1.close()))

    server1 = net.create_server(not_called)
    server1.listen(0, "127.0.0.1", on_listening)
    await until(lambda: errors and not server1.listening)
    await asyncio.sleep(0.01)
    assert errors == ["EADDRINUSE"]
