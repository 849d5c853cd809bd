"""Port of Node's test/parallel/test-net-timeout-no-handle.js.

Node: setTimeout(50) on a Socket that never connects still emits 'timeout'
(and no 'connect'). Left out: ``socket._handle === null`` (no handle in
Python).
"""

from net_helpers import until

import nodenet.net as net


async def test_timeout_without_connection(loop):
    sock = net.Socket()
    events = []
    sock.set_timeout(50)
    sock.on("timeout", lambda: events.append(("timeout", sock.connecting, sock.destroyed)))
    sock.on("connect", lambda: events.append("connect"))
    await until(lambda: events)
    assert events == [("timeout", False, False)]
