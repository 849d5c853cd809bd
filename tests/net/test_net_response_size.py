"""Port of Node's test/sequential/test-net-response-size.js.

Node: a client writes 100 KiB in 1 KiB writes, blocks its loop for a second,
writes one more byte and calls destroySoon(); the server (another process)
takes it all without error and closes at the connection's 'close'. Here the
server is in the same process and the block is 0.2 s of time.sleep(); the
server counts 102401 bytes.
"""

import time

from net_helpers import until

import nodenet.net as net


async def test_many_writes_then_destroy_soon(loop):
    received = [0]
    closed = []
    errors = []

    def on_connection(conn):
        def on_data(data):
            received[0] += len(data)

        conn.on("data", on_data)
        conn.on("error", errors.append)
        conn.on("close", lambda had_error: (closed.append(had_error), server.close()))

    server = net.create_server(on_connection)

    def on_listening():
        client = net.create_connection(server.address()["port"], "127.0.0.1")

        def on_connect():
            alot = bytes(1024)
            for _ in range(100):
                client.write(alot)
            time.sleep(0.2)
            client.write(b"x")
            client.destroy_soon()

        client.on("connect", on_connect)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: closed and not server.listening)
    assert received[0] == 100 * 1024 + 1
    assert errors == []
    assert closed == [False]
