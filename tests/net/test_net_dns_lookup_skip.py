"""Port of Node's test/parallel/test-net-dns-lookup-skip.js.

Node: connecting to an IP address (127.0.0.1 or ::1) emits no 'lookup'.
Nothing left out.
"""

import pytest
from net_helpers import until

import nodenet.net as net


@pytest.mark.parametrize("address", ["127.0.0.1", "::1"])
async def test_no_lookup_for_an_ip(loop, address, request):
    if address == "::1":
        request.getfixturevalue("ipv6")
    events = []

    def on_connection(client):
        client.end()
        server.close()

    server = net.create_server(on_connection)

    def on_listening():
        sock = net.connect(server.address()["port"], address)
        sock.on("lookup", lambda *args: events.append("lookup"))
        sock.on("connect", lambda: events.append("connect"))
        sock.on("close", lambda had_error: events.append("close"))

    server.listen(0, address, on_listening)
    await until(lambda: "close" in events)
    assert events == ["connect", "close"]
