"""Port of Node's test/parallel/test-net-server-reset.js.

Node: as test-net-server-close.js, but the two accepted sockets are closed
with resetAndDestroy(): each emits 'close', the server emits 'close', and
both clients get 'error' ECONNRESET. Nothing left out (127.0.0.1).
"""

from net_helpers import until

import nodenet.net as net


async def test_reset_accepted_sockets(loop):
    sockets = []
    closes = []
    client_errors = []
    returned = []

    def on_connection(c):
        c.on("close", lambda had_error: closes.append("socket"))
        sockets.append(c)
        if len(sockets) == 2:
            returned.append(server.close())
            for sock in sockets:
                sock.reset_and_destroy()

    server = net.create_server(on_connection)
    server.on("close", lambda: closes.append("server"))

    def on_listening():
        for _ in range(2):
            net.create_connection(server.address()["port"], "127.0.0.1").on(
                "error", client_errors.append)

    assert server.listen(0, "127.0.0.1", on_listening) is server
    await until(lambda: len(closes) == 3 and len(client_errors) == 2)
    assert returned == [server]
    assert sorted(closes) == ["server", "socket", "socket"]
    assert [e.code for e in client_errors] == ["ECONNRESET", "ECONNRESET"]
