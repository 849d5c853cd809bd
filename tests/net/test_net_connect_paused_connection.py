"""Port of Node's test/parallel/test-net-connect-paused-connection.js.

Node: an unref'd server that unrefs its connections, and a client (to
'localhost') paused right after connect(): the process still exits, before
an unref'd 1 s failing timer. Here the client connects to 127.0.0.1 and
``nodenet.run()`` must return before that timer (a timer at 1.5 s destroys the
client, so that a regression fails the test instead of hanging it).
"""

import time

import nodenet
import nodenet.net as net


def test_paused_client_of_unrefd_server(loop):
    fired = []
    clients = []

    def on_listening():
        clients.append(net.connect(server.address()["port"], "127.0.0.1").pause())
        loop.call_later(1, fired.append, "timer")
        loop.call_later(1.5, clients[0].destroy)

    server = net.create_server(lambda conn: conn.unref())
    server.listen(0, "127.0.0.1", on_listening).unref()
    started = time.monotonic()
    nodenet.run()
    assert time.monotonic() - started < 1
    assert fired == []
    assert len(clients) == 1 and clients[0].is_paused()
    clients[0].destroy()
    server.close()
