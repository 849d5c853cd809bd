"""Port of Node's test/parallel/test-net-binary.js.

Node: the 256 latin1 characters, from 255 down to 0, written with encoding
'binary' to a latin1 echo server; for every character received back the
client sends one more character, 0 up to 255, and ends after the last. The
client receives 512 characters: the first 256 reversed equal the second 256.
Nothing left out (the server listens on 127.0.0.1).
"""

from net_helpers import until

import nodenet.net as net

BINARY_STRING = "".join(chr(i) for i in range(255, -1, -1))


async def test_latin1_round_trip(loop):
    recv = []
    closed = []

    def on_connection(conn):
        conn.set_encoding("latin1")
        conn.on("data", lambda chunk: conn.write(chunk, "latin1"))
        conn.on("end", conn.end)

    echo_server = net.Server(on_connection)
    echo_server.listen(0, "127.0.0.1")

    def on_listening():
        j = [0]
        c = net.create_connection({"port": echo_server.address()["port"], "host": "127.0.0.1"})
        c.set_encoding("latin1")

        def on_data(chunk):
            n = j[0] + len(chunk)
            while j[0] < n and j[0] < 256:
                c.write(chr(j[0]), "latin1")
                j[0] += 1
            if j[0] == 256:
                c.end()
            recv.append(chunk)

        c.on("data", on_data)
        c.on("connect", lambda: c.write(BINARY_STRING, "binary"))
        c.on("close", lambda had_error: (closed.append(True), echo_server.close()))

    echo_server.on("listening", on_listening)
    await until(lambda: closed)
    text = "".join(recv)
    assert len(text) == 2 * 256
    assert text[:256][::-1] == text[256:]
