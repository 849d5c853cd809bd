"""Port of Node's test/parallel/test-net-socket-timeout.js.

Node: setTimeout() rejects delays that are not numbers (ERR_INVALID_ARG_TYPE)
and numbers out of range (ERR_OUT_OF_RANGE), accepts 0, 0.001, 1 and 1e6,
rejects callbacks that are not functions for delays 0 and 1; a connecting
socket with setTimeout(1, cb) gets cb, after which setTimeout on the
destroyed socket returns the socket and never fires.
Left out: ``undefined`` is the same as ``null`` (None) in Python, and
Symbol becomes ``object()``.
"""

import asyncio
import math

import pytest
from net_helpers import start_server, until

import nodenet.net as net

NON_NUMERIC = ["100", True, False, None, "", {}, lambda: None, []]
BAD_RANGE = [-0.001, -1, -math.inf, math.inf, math.nan]
VALID = [0, 0.001, 1, 1e6]
INVALID_CALLBACKS = [1, "100", True, False, {}, [], object()]


@pytest.mark.parametrize("delay", NON_NUMERIC)
def test_non_numeric_delay(delay):
    with pytest.raises(TypeError) as info:
        net.Socket().set_timeout(delay, lambda: None)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


@pytest.mark.parametrize("delay", BAD_RANGE)
def test_delay_out_of_range(delay):
    with pytest.raises(ValueError) as info:
        net.Socket().set_timeout(delay, lambda: None)
    assert info.value.code == "ERR_OUT_OF_RANGE"


async def test_valid_delays(loop):
    sock = net.Socket()
    for delay in VALID:
        assert sock.set_timeout(delay, lambda: None) is sock
    sock.set_timeout(0)


@pytest.mark.parametrize("callback", INVALID_CALLBACKS)
@pytest.mark.parametrize("msecs", [0, 1])
def test_invalid_callback(msecs, callback):
    with pytest.raises(TypeError) as info:
        net.Socket().set_timeout(msecs, callback)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


async def test_timeout_fires_then_not_after_destroy(loop):
    server = await start_server()
    sock = net.create_connection(server.address()["port"], "127.0.0.1")
    calls = []

    def on_timeout():
        calls.append("timeout")
        sock.destroy()
        assert sock.set_timeout(1, lambda: calls.append("again")) is sock
        server.close()

    assert sock.set_timeout(1, on_timeout) is sock
    await until(lambda: calls)
    await until(lambda: sock.destroyed and not server.listening)
    await asyncio.sleep(0.02)
    assert calls == ["timeout"]
