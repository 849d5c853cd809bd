"""Port of Node's test/parallel/test-net-connect-destroy.js.

Node: destroy() on a new Socket that never connected emits 'close' once.
Nothing left out.
"""

import asyncio

from net_helpers import until

import nodenet.net as net


async def test_destroy_unconnected_socket_closes(loop):
    sock = net.Socket()
    closes = []
    sock.on("close", lambda *args: closes.append(args))
    sock.destroy()
    await until(lambda: closes)
    await asyncio.sleep(0.01)
    assert len(closes) == 1
