"""Port of Node's test/parallel/test-net-bytes-read.js.

Node: a server ends its socket with 1 MiB and closes; the client's bytesRead
grows at every 'data' and equals 1 MiB at 'end' and at 'close'.
Left out: ``socket._handle`` being gone at 'close' (no handle in Python).
"""

from net_helpers import start_server, until

import nodenet.net as net

BIG = bytes(1024 * 1024)


async def test_bytes_read_grows_to_the_total(loop):
    def handler(sock):
        sock.end(BIG)
        server.close()

    server = await start_server(handler)
    prev = [0]
    seen = []

    def on_data(chunk):
        assert sock.bytes_read > prev[0]
        prev[0] = sock.bytes_read

    def on_connect():
        sock.on("data", on_data)
        sock.on("end", lambda: seen.append(("end", sock.bytes_read, prev[0])))
        sock.on("close", lambda had_error: seen.append(("close", sock.bytes_read, prev[0])))
        sock.end()

    sock = net.connect(server.address()["port"], "127.0.0.1", on_connect)
    await until(lambda: len(seen) == 2)
    assert seen == [("end", len(BIG), len(BIG)), ("close", len(BIG), len(BIG))]
