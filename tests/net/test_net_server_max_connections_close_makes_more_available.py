"""Port of Node's test/parallel/test-net-server-max-connections-close-makes-more-available.js.

Node: with ``maxConnections = 1``, connection 0 is accepted and 1 refused; once
0 is closed, 2 is accepted and 3 refused. Every client writes its index; the
server receives only '0' and '2'. A refused client ends with 'end' or an
ECONNRESET 'error'. Nothing left out.
"""

import asyncio

from net_helpers import listening

import nodenet.net as net

HOST = "127.0.0.1"


async def test_closing_a_connection_makes_room(loop):
    received = []
    sent = []
    connections = {}

    def on_connection(sock):
        def on_data(data):
            received.append(data.decode())
            sock.write("acknowledged")

        sock.on("data", on_data)

    server = net.create_server(on_connection)
    server.max_connections = 1
    await listening(server)
    port = server.address()["port"]

    def create_connection(index):
        future = loop.create_future()

        def settle(*args):
            if not future.done():
                future.set_result(None)

        def on_connect():
            msg = str(index)
            conn.write(msg)
            sent.append(msg)

        def on_error(err):
            assert err.code == "ECONNRESET"
            settle()

        conn = net.create_connection(port, HOST, on_connect)
        conn.on("error", on_error)
        conn.on("data", settle)
        conn.on("end", settle)
        connections[index] = conn
        return future

    def close_connection(index):
        future = loop.create_future()
        connections[index].on("end", lambda: future.done() or future.set_result(None))
        connections[index].end()
        return future

    await create_connection(0)
    await create_connection(1)
    await close_connection(0)
    await create_connection(2)
    await create_connection(3)
    server.close()
    await close_connection(2)
    await asyncio.sleep(0)
    assert sent == ["0", "1", "2", "3"]
    assert received == ["0", "2"]

