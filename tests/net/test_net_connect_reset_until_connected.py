"""Port of Node's test/parallel/test-net-connect-reset-until-connected.js.

Node: once both the client's 'connect' and the server's 'connection' have
happened, the client calls resetAndDestroy(): the client emits 'close' and
the server's socket gets ECONNRESET ('read ECONNRESET'). Nothing left out.
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_reset_once_connected(loop):
    server = await start_server()
    conn = net.create_connection(server.address()["port"], "127.0.0.1")
    count = [2]
    server_errors = []
    closes = []

    def connok(*args):
        count[0] -= 1
        if count[0] == 0:
            conn.reset_and_destroy()

    def on_connection(sock):
        connok()
        sock.on("error", server_errors.append)
        server.close()

    conn.on("close", closes.append)
    server.on("connection", on_connection)
    conn.on("connect", connok)
    await until(lambda: closes and server_errors)
    assert len(closes) == 1
    assert [e.code for e in server_errors] == ["ECONNRESET"]
    assert str(server_errors[0]).endswith("read ECONNRESET")
