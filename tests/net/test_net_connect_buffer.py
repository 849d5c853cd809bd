"""Port of Node's test/parallel/test-net-connect-buffer.js.

Node: a Socket with ``highWaterMark: 0`` is pending before and right after
connect() (connecting, readyState 'opening'); a write made while connecting
returns false and counts its UTF-8 bytes in bytesWritten at once (not again
when it is really sent); end('moi') leaves readyState 'opening'. The write
callback runs after 'connect' with bytesWritten the bytes of both strings
and pending false; at 'close' the socket is pending again. The server,
which closes itself at its first connection, receives "L'État, c'est moi".
Left out: ``net.Stream`` (the old alias of ``net.Socket``).
"""

from net_helpers import until

import nodenet.net as net

A = "L'État, c'est "
B = "moi"


async def test_writes_queued_while_connecting(loop):
    received = []
    checks = []

    def on_connection(sock):
        server.close()
        buf = []
        sock.set_encoding("utf8")
        sock.on("data", buf.append)
        sock.on("end", lambda: (received.append("".join(buf)), sock.end()))

    server = net.Server(on_connection)

    def on_listening():
        sock = net.Socket({"highWaterMark": 0})
        connected = []
        assert sock.pending is True
        sock.connect(server.address()["port"], "127.0.0.1", lambda: connected.append(True))
        assert sock.pending is True
        assert sock.connecting is True
        assert sock.ready_state == "opening"

        def written(err=None):
            checks.append(("written", err, bool(connected), sock.bytes_written, sock.pending))

        r = sock.write(A, written)
        sock.on("close", lambda had_error: checks.append(("close", sock.pending)))
        assert sock.bytes_written == len(A.encode())
        assert r is False
        sock.end(B)
        assert sock.ready_state == "opening"

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: len(checks) == 2 and received)
    assert checks == [("written", None, True, len((A + B).encode()), False), ("close", True)]
    assert received == [A + B]
