"""Port of Node's test/parallel/test-net-keepalive.js.

Node: a server socket with setTimeout(0) and setKeepAlive(true, 50) and a
client with setTimeout(0) both stay 'open' for 100 ms; then both end and the
server closes. Here SO_KEEPALIVE is also read back from the server's socket.
Nothing left out.
"""

import socket

from net_helpers import until

import nodenet.net as net


async def test_keep_alive_connection_stays_open(loop):
    state = {}
    checks = []

    def on_connection(conn):
        state["server"] = conn

        def later():
            checks.append((state["server"].ready_state, state["client"].ready_state))
            state["server"].end()
            state["client"].end()
            echo_server.close()

        loop.call_later(0.1, later)
        conn.set_timeout(0)
        assert conn.set_keep_alive(True, 50) is conn
        raw = conn._transport.get_extra_info("socket")
        checks.append(raw.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0)
        conn.on("end", conn.end)

    echo_server = net.create_server(on_connection)
    echo_server.listen(0, "127.0.0.1")

    def on_listening():
        state["client"] = net.create_connection(echo_server.address()["port"], "127.0.0.1")
        state["client"].set_timeout(0)

    echo_server.on("listening", on_listening)
    await until(lambda: len(checks) == 2 and not echo_server.listening)
    assert checks == [True, ("open", "open")]
