"""Port of Node's test/pummel/test-net-many-clients.js.

Node: 100 clients each connect 5 times in turn (again at each 'close'); the
server writes 40 KiB and ends every connection; each client receives all
40 KiB before 'close' (had_error false) and ends at 'end'; the server sees
500 connections and closes when every client is done. The server listens
on 127.0.0.1 here.
"""

from net_helpers import until

import nodenet.net as net

BYTES = 1024 * 40
CONCURRENCY = 100
CONNECTIONS_PER_CLIENT = 5


async def test_many_clients_many_times(loop):
    body = "C" * BYTES
    total = [0]
    finished = [0]
    closes = []

    def on_connection(c):
        total[0] += 1
        c.write(body)
        c.end()

    server = net.create_server(on_connection)

    def run_client(port):
        client = net.create_connection(port, "127.0.0.1")
        state = {"connections": 0, "recved": ""}
        client.set_encoding("utf8")

        def on_connect():
            state["recved"] = ""
            state["connections"] += 1

        def on_data(chunk):
            state["recved"] += chunk

        def on_close(had_error):
            closes.append((had_error, len(state["recved"])))
            if state["connections"] < CONNECTIONS_PER_CLIENT:
                client.connect(port, "127.0.0.1")
            else:
                finished[0] += 1
                if finished[0] == CONCURRENCY:
                    server.close()

        client.on("connect", on_connect)
        client.on("data", on_data)
        client.on("end", client.end)
        client.on("close", on_close)

    def on_listening():
        for _ in range(CONCURRENCY):
            run_client(server.address()["port"])

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: finished[0] == CONCURRENCY and not server.listening, timeout=8)
    assert total[0] == CONCURRENCY * CONNECTIONS_PER_CLIENT
    assert closes == [(False, BYTES)] * (CONCURRENCY * CONNECTIONS_PER_CLIENT)
