"""Port of Node's test/parallel/test-net-dns-lookup.js.

Node: connect(port, 'localhost') emits 'lookup' at least once with
(null, '127.0.0.1' or '::1', 4 or 6, 'localhost'). The server listens on
127.0.0.1 here, not on the default host.
"""

from net_helpers import until

import nodenet.net as net


async def test_lookup_event(loop):
    lookups = []

    def on_connection(client):
        client.end()
        server.close()

    server = net.create_server(on_connection)

    def on_listening():
        sock = net.connect(server.address()["port"], "localhost")
        sock.on("lookup", lambda *args: lookups.append(args))
        sock.on("close", lambda had_error: lookups.append("close"))

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: "close" in lookups)
    found = [entry for entry in lookups if entry != "close"]
    assert found
    for err, ip, family, host in found:
        assert err is None
        assert ip in ("127.0.0.1", "::1")
        assert family in (4, 6)
        assert host == "localhost"
