"""Port of Node's test/parallel/test-net-writable.js.

Node: when the server ends, the client (allowHalfOpen false) is still
writable in its 'end' listener, and may write there. Nothing left out.
"""

from net_helpers import until

import nodenet.net as net


async def test_writable_at_end(loop):
    def on_connection(s):
        server.close()
        s.end()

    server = net.create_server(on_connection)
    seen = []

    def on_listening():
        sock = net.connect(server.address()["port"], "127.0.0.1")

        def on_end():
            seen.append(sock.writable)
            seen.append(sock.write("hello world"))

        sock.on("end", on_end)
        sock.on("close", lambda had_error: seen.append("close"))

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: "close" in seen)
    assert seen[0] is True
    assert seen[-1] == "close"
