"""Port of Node's test/parallel/test-net-server-unref.js.

Node: a listening server that is unref'd lets the process exit; an unref'd
1 s timer that would fail never fires. Here ``nodenet.run()`` must return
while the server still listens (on 127.0.0.1), well before that timer.
"""

import time

import nodenet
import nodenet.net as net


def test_unrefd_server_lets_run_end(loop):
    fired = []
    server = net.create_server()
    server.listen(0, "127.0.0.1")
    assert server.unref() is server
    loop.call_later(1, fired.append, "timer")
    started = time.monotonic()
    nodenet.run()
    assert time.monotonic() - started < 1
    assert fired == []
    assert server.listening is True
    server.close()
