"""Port of Node's test/parallel/test-net-buffersize.js.

Node: each 1-byte write made while connecting grows bufferSize by one
(1..9); at 'finish' it is 0; the server reads everything and closes at 'end'.
nodenet has no deprecated ``bufferSize``: ``writable_length`` (Node's
``writableLength``, which bufferSize returns) is checked instead, and the
server reads in flowing mode (no ``read()`` in nodenet).
"""

from net_helpers import start_server, until

import nodenet.net as net

ITER = 10


async def test_buffered_bytes_while_connecting(loop):
    def on_connection(sock):
        sock.resume()
        sock.on("end", server.close)

    server = await start_server(on_connection)
    client = net.connect(server.address()["port"], "127.0.0.1")
    sizes = []
    finished = []
    client.on("finish", lambda: finished.append(client.writable_length))
    for _ in range(1, ITER):
        client.write("a")
        sizes.append(client.writableLength)
    client.end()
    await until(lambda: finished and not server.listening)
    assert sizes == list(range(1, ITER))
    assert finished == [0]
