"""Port of Node's test/parallel/test-net-remote-address.js.

Node: a client is connecting with no remoteAddress yet; at 'connect' it has
one; it ends, and its 'end' closes the server. The server listens on
127.0.0.1 here, not on the default host.
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_remote_address_appears_at_connect(loop):
    server = await start_server()
    sock = net.connect({"port": server.address()["port"], "host": "127.0.0.1"})
    assert sock.connecting is True
    assert sock.remote_address is None
    seen = []
    sock.on("connect", lambda: (seen.append(sock.remote_address), sock.end()))
    sock.on("end", lambda: (seen.append("end"), server.close()))
    await until(lambda: "end" in seen)
    assert seen == ["127.0.0.1", "end"]
