"""Port of Node's test/sequential/test-net-connect-local-error.js.

Node: connect({port, localPort, localAddress, family}) to a port nothing
listens on (over IPv4 and over ::1) fails with ECONNREFUSED (or EADDRINUSE),
syscall 'connect', ``localPort`` and ``localAddress`` set, and the message
'connect <code> <address>:<port> - Local (<localAddress>:<localPort>)'.
Free ports found first replace common.PORT + n.
"""

import socket

import pytest
from net_helpers import until

import nodenet.net as net


def free_port(host):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("host, family", [("127.0.0.1", 4), ("::1", 6)])
async def test_error_names_the_local_end(loop, request, host, family):
    if family == 6:
        request.getfixturevalue("ipv6")
    options = {"host": host, "port": free_port(host), "localPort": free_port(host),
               "localAddress": host, "family": family}
    errors = []
    net.connect(options).on("error", errors.append)
    await until(lambda: errors)
    (err,) = errors
    assert err.code in ("ECONNREFUSED", "EADDRINUSE")
    assert err.syscall == "connect"
    assert err.localPort == options["localPort"]
    assert err.localAddress == options["localAddress"]
    assert (f"connect {err.code} {err.address}:{err.port} "
            f"- Local ({err.localAddress}:{err.localPort})") in str(err)
