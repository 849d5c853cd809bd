"""Port of Node's test/parallel/test-net-server-call-listen-multiple-times.js.

Node: (1) after an EADDRINUSE 'error' a server can listen again at once;
(2) a second listen() while listening throws ERR_SERVER_ALREADY_LISTEN;
(3) after close() the same server can listen again. Node's test listens on
the default host; here every server listens on 127.0.0.1. Nothing else left out.
"""


import pytest

import nodenet.net as net
from nodenet.errors import NodeError


async def test_listen_again_after_eaddrinuse(loop):
    done = loop.create_future()
    dummy = net.Server()
    server = net.Server()
    errors = []

    def on_error(err):
        errors.append(err.code)
        server.listen(0, "127.0.0.1", lambda: done.set_result(server.listening))

    server.on("error", on_error)
    dummy.listen(0, "127.0.0.1",
                 lambda: server.listen(dummy.address()["port"], "127.0.0.1"))
    assert await done is True
    assert errors == ["EADDRINUSE"]
    dummy.close()
    server.close()


async def test_second_listen_raises(loop):
    closed = loop.create_future()
    server = net.Server()
    server.listen(0, "127.0.0.1", lambda: server.close(lambda err=None: closed.set_result(err)))
    with pytest.raises(NodeError) as info:
        server.listen(0, "127.0.0.1")
    assert info.value.code == "ERR_SERVER_ALREADY_LISTEN"
    assert await closed is None


async def test_listen_again_after_close(loop):
    done = loop.create_future()
    server = net.Server()
    calls = []

    def first():
        calls.append("first")
        server.close()
        server.listen(0, "127.0.0.1", second)

    def second():
        calls.append("second")
        server.close(lambda err=None: done.set_result(err))

    server.listen(0, "127.0.0.1", first)
    assert await done is None
    assert calls == ["first", "second"]
