"""Port of Node's test/parallel/test-net-write-connect-write.js.

Node: a client writes 'before' while connecting and ' after' at 'connect' to
an echo server (socket.pipe(socket)); it ends at its first 'data' and
receives 'before after' in all by 'end'. Nothing left out.
"""

from net_helpers import until

import nodenet.net as net


async def test_write_before_and_after_connect(loop):
    received = []
    ended = []
    server = net.create_server(lambda sock: sock.pipe(sock))

    def on_listening():
        conn = net.connect(server.address()["port"], "127.0.0.1")
        conn.set_encoding("utf8")
        conn.write("before")
        conn.on("connect", lambda: conn.write(" after"))
        conn.on("data", lambda buf: (received.append(buf), conn.end()))
        conn.on("end", lambda: (ended.append(True), server.close()))

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: ended)
    assert "".join(received) == "before after"
