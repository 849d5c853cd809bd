"""Port of Node's test/parallel/test-net-local-address-port.js.

Node: an accepted socket's localAddress, localPort and localFamily are the
server's address, port and family (127.0.0.1). Nothing left out.
"""

from net_helpers import until

import nodenet.net as net


async def test_accepted_socket_local_address(loop):
    seen = []

    def on_connection(sock):
        address = server.address()
        seen.append((sock.local_address, sock.local_port, sock.local_family))
        seen.append(("127.0.0.1", address["port"], address["family"]))
        sock.on("end", server.close)
        sock.resume()

    server = net.create_server(on_connection)

    def on_listening():
        client = net.create_connection(server.address()["port"], "127.0.0.1")
        client.on("connect", client.end)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: seen and not server.listening)
    assert seen[0] == seen[1]
    assert seen[0][2] == "IPv4"
