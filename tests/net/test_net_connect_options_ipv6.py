"""Port of Node's test/parallel/test-net-connect-options-ipv6.js.

Node: connect({host, port, family: 6, allowHalfOpen: true}) to an
allowHalfOpen server on ::1 connects over IPv6; the server ends, the client
gets 'end' and 10 ms later is still writable, ends, and closes.
Left out: the custom ``lookup`` function that maps the name 'dummy' to ::1
(nodenet has no ``lookup`` option); the host here is '::1' itself.
"""

from net_helpers import until

import nodenet.net as net


async def test_family_6_with_allow_half_open(loop, ipv6):
    server_ends = []
    checks = []
    closed = []

    def on_connection(sock):
        sock.resume()
        sock.on("end", lambda: server_ends.append(True))
        sock.end()

    server = net.create_server({"allowHalfOpen": True}, on_connection)

    def try_connect():
        opts = {"host": "::1", "port": server.address()["port"], "family": 6,
                "allowHalfOpen": True}

        def on_connect():
            client.resume()
            checks.append(client.remote_family)

            def later():
                checks.append(client.writable)
                client.end()

            client.on("end", lambda: loop.call_later(0.01, later))
            client.on("close", lambda had_error: (closed.append(True), server.close()))

        client = net.connect(opts, on_connect)

    server.listen(0, "::1", try_connect)
    await until(lambda: closed and server_ends and not server.listening)
    assert checks == ["IPv6", True]
