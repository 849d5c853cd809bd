"""Port of Node's test/parallel/test-net-reconnect-error.js.

Node: a client connects to a port nothing listens on, gets ECONNREFUSED,
and at each 'close' connects again, 21 times in all: 21 errors, 21 closes,
never 'connect'. Node uses common.PORT "hopefully" free; here the port is
one just bound and released on 127.0.0.1.
"""

import socket

from net_helpers import until

import nodenet.net as net

N = 20


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_reconnect_after_refusal(loop):
    port = free_port()
    counts = {"errors": 0, "disconnects": 0}
    codes = set()
    connects = []
    c = net.create_connection(port, "127.0.0.1")
    c.on("connect", lambda: connects.append(True))

    def on_error(err):
        counts["errors"] += 1
        codes.add(err.code)

    def on_close(had_error):
        counts["disconnects"] += 1
        if counts["disconnects"] <= N:
            c.connect(port, "127.0.0.1")

    c.on("error", on_error)
    c.on("close", on_close)
    await until(lambda: counts["disconnects"] == N + 1)
    assert counts == {"errors": N + 1, "disconnects": N + 1}
    assert codes == {"ECONNREFUSED"}
    assert connects == []
