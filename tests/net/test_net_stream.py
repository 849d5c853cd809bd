"""Port of Node's test/parallel/test-net-stream.js.

Node: a server writes ten 2 MB buffers and ends; the client pauses at its
first 'data' (pause() returns the socket) and destroys itself 20 ms later.
The server's socket gets one 'error' (destroyed in its listener) and then
'close', which closes the server. Nothing left out.
"""

from net_helpers import until

import nodenet.net as net

SIZE = 2_000_000
N = 10


async def test_server_write_to_a_destroyed_client(loop):
    buf = b"a" * SIZE
    errors = []
    closes = []

    def on_connection(sock):
        sock.set_no_delay()
        sock.on("error", lambda err: (errors.append(err), sock.destroy()))
        sock.on("close", lambda had_error: (closes.append(had_error), server.close()))
        for _ in range(N):
            sock.write(buf, lambda err=None: None)
        sock.end()

    server = net.create_server(on_connection)

    def on_listening():
        conn = net.connect(server.address()["port"], "127.0.0.1")

        def on_data(data):
            assert conn.pause() is conn
            loop.call_later(0.02, conn.destroy)

        conn.once("data", on_data)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: closes and not server.listening)
    assert len(errors) == 1
    assert errors[0].code in ("ECONNRESET", "EPIPE")
    assert closes == [True]
