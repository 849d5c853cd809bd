"""Port of Node's test/parallel/test-net-persistent-nodelay.js.

Node: setNoDelay() on a Socket before connect() returns the socket and is
applied to the handle once it connects (one call). Here TCP_NODELAY is read
back from the client at 'connect'; the server ends and the client's 'end'
closes it.
"""

import socket

from net_helpers import start_server, until

import nodenet.net as net


async def test_no_delay_set_before_connect_persists(loop):
    server = await start_server(lambda conn: conn.end())
    sock = net.Socket()
    assert isinstance(sock.set_no_delay(), net.Socket)
    seen = []

    def on_connect():
        raw = sock._transport.get_extra_info("socket")
        seen.append(raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)

    sock.connect(server.address()["port"], "127.0.0.1", on_connect)
    sock.on("end", lambda: (seen.append("end"), server.close()))
    await until(lambda: "end" in seen)
    assert seen == [True, "end"]
