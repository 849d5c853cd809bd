"""Port of Node's test/parallel/test-net-persistent-ref-unref.js.

Node: unref() then ref() on a Socket before connect(): the handle is
created ref'd (its ref/unref are counted to stay balanced), so the socket
keeps the process alive until the server ends it. Here ``nodenet.run()``
must not return before the client's 'end'; the reverse (unref() alone
before connect) lets run() return while the client is still open.
"""

import nodenet
import nodenet.net as net


def test_ref_after_unref_before_connect(loop):
    events = []
    server = net.create_server(lambda conn: conn.end())
    server.listen(0, "127.0.0.1")

    def on_listening():
        sock = net.Socket()
        assert sock.unref() is sock
        assert sock.ref() is sock
        sock.connect(server.address()["port"], "127.0.0.1")
        sock.on("end", lambda: events.append("end"))
        server.unref()

    server.on("listening", on_listening)
    nodenet.run()
    assert events == ["end"]
    server.close()


def test_unref_before_connect_persists(loop):
    events = []
    server = net.create_server(lambda conn: events.append("connection"))
    server.listen(0, "127.0.0.1")
    server.unref()
    sock = net.Socket()
    sock.unref()
    sock.connect(server.address()["port"], "127.0.0.1")
    sock.on("connect", lambda: events.append("connect"))
    nodenet.run()
    assert sock.destroyed is False
    sock.destroy()
    server.close()
