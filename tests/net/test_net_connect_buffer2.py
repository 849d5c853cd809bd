"""Port of Node's test/parallel/test-net-connect-buffer2.js.

Node: the same script as test-net-connect-buffer.js (the copy kept after
its writev variant was folded into it): writes made while connecting with
``highWaterMark: 0`` are counted once in bytesWritten, the write callback
runs after 'connect', and the server receives "L'État, c'est moi". This port
checks the same with the write and end given as bytes and the callback
passed to end() as well. Left out: ``net.Stream``.
"""

from net_helpers import until

import nodenet.net as net

A = "L'État, c'est ".encode()
B = b"moi"


async def test_bytes_queued_while_connecting(loop):
    received = []
    checks = []

    def on_connection(sock):
        server.close()
        buf = []
        sock.on("data", buf.append)
        sock.on("end", lambda: (received.append(b"".join(buf)), sock.end()))

    server = net.Server(on_connection)

    def on_listening():
        sock = net.Socket(high_water_mark=0)
        connected = []
        sock.connect(server.address()["port"], "127.0.0.1", lambda: connected.append(True))
        assert (sock.pending, sock.connecting, sock.ready_state) == (True, True, "opening")
        r = sock.write(A, lambda err=None: checks.append(
            ("written", err, bool(connected), sock.bytes_written)))
        assert r is False
        assert sock.bytes_written == len(A)
        sock.end(B, lambda *args: checks.append(("finish", sock.bytes_written)))
        assert sock.ready_state == "opening"
        sock.on("close", lambda had_error: checks.append(("close", sock.pending)))

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: len(checks) == 3 and received)
    assert checks == [("written", None, True, len(A + B)), ("finish", len(A + B)),
                      ("close", True)]
    assert received == [A + B]
