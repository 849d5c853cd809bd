"""Port of Node's test/parallel/test-net-server-unref-persistent.js.

Node: unref() before listen() is remembered: the listening server does not
keep the process alive, and an unref'd 1 s failing timer never fires. Here
``nodenet.run()`` must return while the server listens on 127.0.0.1.
"""

import time

import nodenet
import nodenet.net as net


def test_unref_before_listen_persists(loop):
    fired = []
    server = net.create_server()
    server.unref()
    server.listen(0, "127.0.0.1")
    loop.call_later(1, fired.append, "timer")
    started = time.monotonic()
    nodenet.run()
    assert time.monotonic() - started < 1
    assert fired == []
    assert server.listening is True
    server.close()
