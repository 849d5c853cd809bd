"""Port of Node's test/parallel/test-net-socket-connecting.js.

Node: ``connecting`` is true right after connect() and false in the connect
callback. Left out: the legacy ``_connecting`` getter.
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_connecting_flag(loop):
    seen = []

    def on_connection(conn):
        conn.end()
        server.close()

    server = await start_server(on_connection)

    def on_connect():
        seen.append(client.connecting)
        client.end()

    client = net.connect(server.address()["port"], "127.0.0.1", on_connect)
    assert client.connecting is True
    await until(lambda: seen)
    assert seen == [False]
