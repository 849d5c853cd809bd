"""Port of Node's test/parallel/test-net-listen-error.js.

Node: ``server.listen(1, '1.1.1.1', cb)`` fails (EACCES or EADDRNOTAVAIL),
so 'error' is emitted and the listen callback is never called. Here the
address is 192.0.2.1 (TEST-NET-1, RFC 5737), which no host here owns: bind()
fails in the kernel and nothing is sent, so the test stays off the network.
"""

import asyncio

import nodenet.net as net


async def test_listen_on_an_address_not_of_this_host_emits_error(loop):
    errors = loop.create_future()
    calls = []
    server = net.create_server(lambda sock: calls.append("connection"))
    server.listen(1, "192.0.2.1", lambda: calls.append("listening"))
    server.on("error", errors.set_result)
    err = await errors
    assert isinstance(err, OSError)
    assert err.code in ("EACCES", "EADDRNOTAVAIL")
    assert err.syscall == "listen"
    await asyncio.sleep(0.02)
    assert calls == []
    assert server.listening is False
