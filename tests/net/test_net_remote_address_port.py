"""Port of Node's test/parallel/test-net-remote-address-port.js.

Node: two clients (to 127.0.0.1 and to the default 'localhost'): before
connecting their remoteAddress, remoteFamily and remotePort are undefined;
at 'connect' and still at 'close' they name the server (127.0.0.1, ::1 or
::ffff:127.0.0.1; IPv4 or IPv6; the server's port); the server's sockets see
a remote port other than the server's, before and after 'close'. The server
listens on 127.0.0.1 here, not on the default host.
"""

from net_helpers import until

import nodenet.net as net

ADDRESSES = ["127.0.0.1", "::1", "::ffff:127.0.0.1"]
FAMILIES = ["IPv4", "IPv6"]


async def test_remote_address_and_port(loop):
    checks = []
    state = {"ended": 0, "closed": 0}

    def check(sock, port=None):
        assert sock.remote_address in ADDRESSES, sock.remote_address
        assert sock.remote_family in FAMILIES, sock.remote_family
        if port is not None:
            assert sock.remote_port == port
        checks.append(True)

    def on_connection(sock):
        check(sock)
        assert sock.remote_port and sock.remote_port != server.address()["port"]

        def on_end():
            state["ended"] += 1
            if state["ended"] == 2:
                server.close()

        sock.on("end", on_end)
        sock.on("close", lambda had_error: check(sock))
        sock.resume()

    server = net.create_server(on_connection)

    def on_listening():
        port = server.address()["port"]
        clients = [net.create_connection(port, "127.0.0.1"), net.create_connection(port)]
        for client in clients:
            assert client.remote_address is None
            assert client.remote_family is None
            assert client.remote_port is None

            def on_connect(client=client):
                check(client, port)
                client.end()

            def on_close(had_error, client=client):
                check(client)
                state["closed"] += 1

            client.on("connect", on_connect)
            client.on("close", on_close)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: state["closed"] == 2 and not server.listening)
    assert len(checks) == 8
