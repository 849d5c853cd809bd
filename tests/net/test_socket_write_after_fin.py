"""Port of Node's test/parallel/test-socket-write-after-fin.js.

Node: a client writes three strings and end('bye') (which returns the
socket) to an allowHalfOpen server; the server gets them all by 'end', then
ends with the same text and closes; the client receives the text back by its
'end'. Nothing left out (the server listens on 127.0.0.1).
"""

from net_helpers import until

import nodenet.net as net

EXPECTED = "hello1hello2hello3\nbye"


async def test_server_writes_after_client_fin(loop):
    results = []

    def on_connection(sock):
        data = []
        sock.set_encoding("utf8")
        sock.on("data", data.append)

        def on_end():
            results.append(("server", "".join(data)))
            sock.end("".join(data))
            server.close()

        sock.on("end", on_end)

    server = net.create_server({"allowHalfOpen": True}, on_connection)

    def on_listening():
        sock = net.connect(server.address()["port"], "127.0.0.1")
        data = []
        sock.set_encoding("utf8")
        sock.on("data", data.append)
        sock.on("end", lambda: results.append(("client", "".join(data))))
        sock.write("hello1")
        sock.write("hello2")
        sock.write("hello3\n")
        assert sock.end("bye") is sock

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: len(results) == 2)
    assert results == [("server", EXPECTED), ("client", EXPECTED)]
