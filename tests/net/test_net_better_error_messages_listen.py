"""Port of Node's test/parallel/test-net-better-error-messages-listen.js.

Node: listen(1, '1.1.1.1') fails with an error whose address is '1.1.1.1',
port 1 and syscall 'listen'; neither 'connection' nor the listen callback
happens. Here the address is 192.0.2.1 (TEST-NET-1, owned by no host here):
bind() fails in the kernel, nothing is sent.
"""

import asyncio

from net_helpers import until

import nodenet.net as net


async def test_listen_error_names_address_and_port(loop):
    calls = []
    errors = []
    server = net.create_server(lambda sock: calls.append("connection"))
    server.listen(1, "192.0.2.1", lambda: calls.append("listening"))
    server.on("error", errors.append)
    await until(lambda: errors)
    await asyncio.sleep(0.01)
    (err,) = errors
    assert err.address == "192.0.2.1"
    assert err.port == 1
    assert err.syscall == "listen"
    assert calls == []
