"""Port of Node's test/parallel/test-net-server-close-before-calling-lookup-callback.js.

Node: listen(0, 'localhost', cb) resolves the name before creating the
handle; close() right away means no server is ever created: the callback
never runs and the process exits. Here ``nodenet.run()`` must return and
the server never listens.
"""

import time

import nodenet
import nodenet.net as net


def test_close_while_resolving_the_host(loop):
    calls = []
    server = net.create_server().listen(0, "localhost", lambda: calls.append("listening"))
    server.close()
    started = time.monotonic()
    nodenet.run()
    assert time.monotonic() - started < 2
    assert calls == []
    assert server.listening is False
