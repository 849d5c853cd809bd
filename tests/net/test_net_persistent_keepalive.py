"""Port of Node's test/parallel/test-net-persistent-keepalive.js.

Node: setKeepAlive(true, 400) on a Socket before connect() returns the
socket and is applied once it connects; both ends stay "open" for 600 ms,
then end, and the server closes. Here SO_KEEPALIVE is read
back from the client once connected, and the wait is 100 ms.
"""

import socket

from net_helpers import until

import nodenet.net as net


async def test_keep_alive_set_before_connect_persists(loop):
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
        conn.on("end", conn.end)

    echo_server = net.create_server(on_connection)
    echo_server.listen(0, "127.0.0.1")

    def on_listening():
        client = state["client"] = net.Socket()
        assert isinstance(client.set_keep_alive(True, 400), net.Socket)

        def on_connect():
            raw = client._transport.get_extra_info("socket")
            checks.append(raw.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0)

        client.connect(echo_server.address()["port"], "127.0.0.1", on_connect)
        client.set_timeout(0)

    echo_server.on("listening", on_listening)
    await until(lambda: len(checks) == 2 and not echo_server.listening)
    assert checks == [True, ("open", "open")]
