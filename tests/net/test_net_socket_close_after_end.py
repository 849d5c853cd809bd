"""Port of Node's test/parallel/test-net-socket-close-after-end.js.

Node: a server socket ends its side at once and reads the client's data only
100 ms later; it emits 'end' before 'close' all the same. Node delays a
``read()`` after 'readable'; nodenet has no paused-mode ``read()``, so the
server socket is paused and resumed 100 ms later instead (Node v20 gives
'data', 'end', 'close' for that script too).
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_close_comes_after_end(loop):
    events = []

    def on_connection(sock):
        sock.pause()
        loop.call_later(0.1, sock.resume)
        sock.on("data", lambda data: events.append(("data", data)))
        sock.on("end", lambda: events.append("end"))
        sock.on("close", lambda had_error: (events.append("close"), server.close()))
        sock.end("foo")

    server = await start_server(on_connection)
    client = net.create_connection(server.address()["port"], "127.0.0.1",
                                   lambda: client.end("foo"))
    await until(lambda: "close" in events)
    assert events == [("data", b"foo"), "end", "close"]
