"""Port of Node's test/sequential/test-net-server-address.js.

Node: address() of a server listening on 127.0.0.1 gives that address, the
port and 'IPv4'; on ::1, '::1', the port and 'IPv6'. Left out: the servers
listening with no host (on '::'), as tests here use loopback addresses only;
fixed ports are replaced by port 0 and the port address() reports is
checked against the listening socket's own.
"""

import pytest
from net_helpers import until

import nodenet.net as net


@pytest.mark.parametrize("host, family", [("127.0.0.1", "IPv4"), ("::1", "IPv6")])
async def test_address(loop, request, host, family):
    if family == "IPv6":
        request.getfixturevalue("ipv6")
    server = net.create_server()
    errors = []
    server.on("error", errors.append)
    seen = []

    def on_listening():
        seen.append(server.address())
        server.close()

    server.listen(0, host, on_listening)
    await until(lambda: seen and not server.listening)
    (address,) = seen
    assert address["address"] == host
    assert address["family"] == family
    assert 0 < address["port"] < 65536
    assert errors == []
