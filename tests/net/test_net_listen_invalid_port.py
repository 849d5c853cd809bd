"""Port of Node's test/parallel/test-net-listen-invalid-port.js.

Node: a port of ``-1 >>> 0`` (4294967295) is rejected with a RangeError
``ERR_SOCKET_BAD_PORT`` by every form of listen(): ``listen({port}, cb)``,
``listen(port, cb)`` and ``listen(port, host, cb)``; ``listen(0, cb)`` works.
Left out: the private ``_connectionKey`` (no Python counterpart).
"""


import pytest
from net_helpers import not_called

import nodenet.net as net

INVALID_PORT = 2**32 - 1


async def test_listen_on_port_zero_works(loop):
    listening = loop.create_future()
    server = net.Server()
    server.listen(0, "127.0.0.1", lambda: listening.set_result(server.address()))
    address = await listening
    assert address["family"] == "IPv4"
    assert address["address"] == "127.0.0.1"
    assert address["port"] > 0
    server.close()


@pytest.mark.parametrize("listen", [
    lambda server: server.listen({"port": INVALID_PORT}, not_called),
    lambda server: server.listen(INVALID_PORT, not_called),
    lambda server: server.listen(INVALID_PORT, "0.0.0.0", not_called),
], ids=["options", "port", "port-host"])
async def test_invalid_port_raises_bad_port(loop, listen):
    server = net.Server()
    with pytest.raises(ValueError) as info:
        listen(server)
    assert info.value.code == "ERR_SOCKET_BAD_PORT"
    assert server.listening is False
