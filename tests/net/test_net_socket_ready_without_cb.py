"""Port of Node's test/parallel/test-net-socket-ready-without-cb.js.

Node: Socket.connect(server.address()) with no callback emits 'ready'. Node
listens on 'localhost'; here the server listens on 127.0.0.1.
"""

from net_helpers import until

import nodenet.net as net


async def test_ready_without_callback(loop):
    events = []

    def on_connection(conn):
        events.append("connection")
        conn.end()
        server.close()

    def on_listening():
        client = net.Socket()
        client.on("ready", lambda: (events.append("ready"), client.end()))
        client.connect(server.address())

    server = net.create_server(on_connection)
    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: len(events) == 2)
    assert sorted(events) == ["connection", "ready"]
