"""Port of Node's test/parallel/test-net-server-max-connections.js.

Node: ``maxConnections = 10`` and 20 clients, each started once the previous
one connected. The first 10 are accepted (the server writes 'hello'); the
other 10 are closed by the server without data, and are the first to close.
When those 10 have closed, the accepted ones are ended and the server closed;
all 20 clients close. Nothing left out (127.0.0.1 instead of the default host).
"""

from net_helpers import until

import nodenet.net as net

N = 20


async def test_max_connections(loop):
    waits = []
    closes = []
    accepted = []

    def on_connection(conn):
        accepted.append(conn)
        conn.write("hello")
        waits.append(conn.end)

    server = net.create_server(on_connection)
    server.max_connections = N // 2
    assert server.maxConnections == N // 2

    def make_connection(index):
        client = net.create_connection(server.address()["port"], "127.0.0.1")
        got_data = []

        def on_connect():
            if index + 1 < N:
                make_connection(index + 1)

            def on_close(had_error):
                closes.append((index, bool(got_data)))
                if len(closes) == N // 2:
                    while waits:
                        waits.pop(0)()
                    server.close()

            client.on("close", on_close)

        client.on("connect", on_connect)
        client.on("end", client.end)
        client.on("data", lambda data: got_data.append(len(data)))
        client.on("error", lambda err: None)

    server.listen(0, "127.0.0.1", lambda: make_connection(0))
    await until(lambda: len(closes) == N)
    assert len(accepted) == N // 2
    first_closed = [index for index, _ in closes[:N // 2]]
    assert all(index >= N // 2 for index in first_closed)
    for index, got_data in closes:
        assert got_data is (index < N // 2), index
