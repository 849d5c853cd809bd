"""Port of Node's test/parallel/test-net-reconnect.js.

Node: a client connects, gets 'hello\\r\\n' (decoded as UTF8), ends, and at
'close' (had_error false) connects again, 51 times in all; the server's
sockets end at 'end' and close with had_error false. The client gets 51
'data', 51 'end' and 51 'close'. Nothing left out.
"""

from net_helpers import until

import nodenet.net as net

N = 50


async def test_reconnect_many_times(loop):
    counts = {"recv": 0, "end": 0, "disconnect": 0}
    server_closes = []

    def on_connection(sock):
        sock.resume()
        sock.write("hello\r\n")
        sock.on("end", sock.end)
        sock.on("close", server_closes.append)

    server = net.create_server(on_connection)

    def on_listening():
        client = net.create_connection(server.address()["port"], "127.0.0.1")
        client.set_encoding("UTF8")

        def on_data(chunk):
            counts["recv"] += 1
            assert chunk == "hello\r\n"
            client.end()

        def on_end():
            counts["end"] += 1

        def on_close(had_error):
            assert had_error is False
            counts["disconnect"] += 1
            if counts["disconnect"] <= N:
                client.connect(server.address()["port"], "127.0.0.1")
            else:
                server.close()

        client.on("data", on_data)
        client.on("end", on_end)
        client.on("close", on_close)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: counts["disconnect"] == N + 1 and not server.listening)
    assert counts == {"recv": N + 1, "end": N + 1, "disconnect": N + 1}
    await until(lambda: len(server_closes) == N + 1)
    assert server_closes == [False] * (N + 1)
