"""Port of Node's test/parallel/test-net-server-listen-options-signal.js.

Node: listen({port: 0, signal: 'INVALID_SIGNAL'}) throws a TypeError
ERR_INVALID_ARG_TYPE; a server listening with a signal emits 'close' when
the signal aborts, and at once when the signal was already aborted.
Servers listen on 127.0.0.1 here.
"""

import pytest
from net_helpers import until

import nodenet.net as net
from nodenet.events import AbortController, AbortSignal


def test_bad_signal():
    server = net.create_server()
    with pytest.raises(TypeError) as info:
        server.listen({"port": 0, "host": "127.0.0.1", "signal": "INVALID_SIGNAL"})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


async def test_abort_closes_the_server(loop):
    server = net.create_server()
    controller = AbortController()
    closes = []
    server.on("close", lambda: closes.append(True))
    server.listen({"port": 0, "host": "127.0.0.1", "signal": controller.signal})
    controller.abort()
    await until(lambda: closes)
    assert closes == [True]
    assert server.listening is False


async def test_pre_aborted_signal_closes_the_server(loop):
    server = net.create_server()
    signal = AbortSignal.abort()
    closes = []
    server.on("close", lambda: closes.append(True))
    server.listen({"port": 0, "host": "127.0.0.1", "signal": signal})
    await until(lambda: closes)
    assert closes == [True]
    assert server.listening is False
