"""Port of Node's test/parallel/test-net-socket-local-address.js.

Node: one client Socket connects twice (again at each 'close'); connect()
returns the socket, and the client's localPort at each connect equals the
remotePort the server saw. Nothing left out (127.0.0.1 as in Node).
"""

from net_helpers import until

import nodenet.net as net


async def test_client_and_server_agree_on_ports(loop):
    client_ports = []
    server_ports = []
    state = {"conns": 0}
    closed = []
    client = net.Socket()

    def on_connection(sock):
        server_ports.append(sock.remote_port)
        sock.end()

    server = net.create_server(on_connection)
    server.on("close", lambda: closed.append(True))

    def connect(*args):
        if state["conns"] == 2:
            server.close()
            return
        state["conns"] += 1
        client.once("close", connect)
        returned = client.connect(server.address()["port"], "127.0.0.1",
                                  lambda: client_ports.append(client.local_port))
        assert returned is client

    server.listen(0, "127.0.0.1", connect)
    await until(lambda: closed)
    assert server_ports == client_ports
    assert len(client_ports) == 2
    assert state["conns"] == 2
