"""Port of Node's test/parallel/test-net-socket-timeout-unref.js.

Node: an unref'd server whose accepted sockets are unref'd, and six clients
(to 'localhost') that, once all connected, get idle timeouts of 2 to 8 s and
are unref'd: the process exits without any timeout firing. Here
``nodenet.run()`` must return at once, before any timeout; clients connect to
127.0.0.1.
"""

import time

import nodenet
import nodenet.net as net

DELAYS = [8, 5, 3, 6, 2, 4]


def test_unrefd_sockets_with_timeouts_do_not_hold_run(loop):
    timeouts = []
    connects = []

    def on_connection(conn):
        conn.write("hello")
        conn.unref()

    server = net.create_server(on_connection)
    server.listen(0, "127.0.0.1")
    server.unref()
    sockets = []

    def on_connect():
        connects.append(True)
        if len(connects) == len(DELAYS):
            for sock, delay in sockets:
                sock.set_timeout(delay * 1000, lambda s=sock: (timeouts.append(s), s.destroy()))
                sock.unref()

    for delay in DELAYS:
        sock = net.create_connection(server.address()["port"], "127.0.0.1")
        sock.on("connect", on_connect)
        sockets.append((sock, delay))
    started = time.monotonic()
    nodenet.run()
    assert time.monotonic() - started < 2
    assert len(connects) == len(DELAYS)
    assert timeouts == []
    for sock, _ in sockets:
        sock.destroy()
    server.close()
