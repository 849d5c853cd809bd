"""Port of Node's test/sequential/test-net-better-error-messages-port.js.

Node: createConnection(port) to a port nothing listens on emits ECONNREFUSED
with ``port`` the port and ``address`` 127.0.0.1 or ::1, and no 'connect'.
The port is a free one found first (Node uses common.PORT).
"""

import socket

from net_helpers import until

import nodenet.net as net


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_refused_error_names_address_and_port(loop):
    port = free_port()
    c = net.create_connection(port)
    calls = []
    errors = []
    c.on("connect", lambda: calls.append("connect"))
    c.on("error", errors.append)
    await until(lambda: errors)
    (e,) = errors
    assert e.code == "ECONNREFUSED"
    assert e.port == port
    assert e.address in ("127.0.0.1", "::1")
    assert calls == []
