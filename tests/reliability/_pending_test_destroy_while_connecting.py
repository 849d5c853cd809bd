"""Pending (nodenet bug, uvloop): a client destroyed while its connect completes (here by a
5 ms set_timeout) can still get connection_made afterwards; the Socket then holds a ref'd
handle forever (nodenet.run() never returns) and is never freed, because uvloop closes the
transport without calling connection_lost."""

from __future__ import annotations

import asyncio

import pytest
from rel_helpers import closed, live_sockets, port_of, start_server

import nodenet.net as net
from nodenet import _loop
from nodenet.events import once

pytestmark = pytest.mark.timeout(60)


async def test_destroy_while_connecting_leaves_nothing(loop):
    def on_connection(socket):
        socket.on("error", lambda err: None)
        socket.on("data", lambda data: None)

    server = await start_server(on_connection)
    baseline = live_sockets()

    async def cycle() -> None:
        client = net.connect(port_of(server), "127.0.0.1")
        client.on("error", lambda err: None)
        client.set_timeout(5, client.destroy)
        assert await closed(client) is False

    for _ in range(40):
        await asyncio.gather(*(cycle() for _ in range(50)))
    await asyncio.sleep(0.05)
    assert live_sockets() == baseline
    server.close()
    await once(server, "close")
    assert not _loop.lifetime(loop).handles
