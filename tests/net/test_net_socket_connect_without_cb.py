"""Port of Node's test/parallel/test-net-socket-connect-without-cb.js.

Node: Socket.connect(server.address()) with no callback emits 'connect'.
Left out: the fallback to connect(port) where IPv6 is missing (the server
listens on 127.0.0.1 here).
"""

from net_helpers import until

import nodenet.net as net


async def test_connect_without_callback(loop):
    events = []

    def on_connection(conn):
        events.append("connection")
        conn.end()
        server.close()

    def on_listening():
        client = net.Socket()
        client.on("connect", lambda: (events.append("connect"), client.end()))
        client.connect(server.address())

    server = net.create_server(on_connection)
    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: len(events) == 2)
    assert sorted(events) == ["connect", "connection"]
