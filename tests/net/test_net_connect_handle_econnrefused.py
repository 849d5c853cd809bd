"""Port of Node's test/parallel/test-net-connect-handle-econnrefused.js.

Node: createConnection(port) to a port nothing listens on emits one 'error'
ECONNREFUSED and never 'connect'. The port is a free one found first (Node
"hopes" common.PORT is free).
"""

import socket

from net_helpers import closed

import nodenet.net as net


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_refused(loop):
    c = net.create_connection(free_port(), "127.0.0.1")
    calls = []
    c.on("connect", lambda: calls.append("connect"))
    c.on("error", lambda e: calls.append(e.code))
    await closed(c)
    assert calls == ["ECONNREFUSED"]
