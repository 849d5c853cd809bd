"""Port of Node's test/parallel/test-net-write-after-close.js.

Node: the client ends (allowHalfOpen false) and gets 'end' when the server's
socket, which resumed and ended in turn, has gone; a write on the server's
socket then calls back with an error, and the server socket emits no
'error'. Nothing left out.
"""

from net_helpers import until

import nodenet.net as net


async def test_write_after_the_peer_closed(loop):
    state = {}
    errors = []
    write_errors = []

    def on_connection(sock):
        state["sock"] = sock
        sock.resume()
        sock.on("error", errors.append)

    server = net.create_server(on_connection)

    def on_listening():
        def on_connect():
            client.on("end", lambda: state["sock"].write(
                "test", lambda err=None: (write_errors.append(err), server.close())))
            client.end()

        client = net.connect(server.address()["port"], "127.0.0.1", on_connect)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: write_errors)
    await until(lambda: not server.listening)
    assert write_errors[0] is not None
    assert errors == []
