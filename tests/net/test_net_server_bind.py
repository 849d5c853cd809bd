"""Port of Node's test/sequential/test-net-server-bind.js.

Node: listen(cb) gets a port from the system; listen(port) with no callback
has bound that port 100 ms later; listen(port, cb); listen(port, host,
backlog, cb) and listen(port, backlog, cb) take a backlog and listen on the
port given. Here every server listens on 127.0.0.1 (hosts are given as
keywords where Node omits them) and the fixed ports are free ones found
first. Left out: the private ``_connectionKey``.
"""

import asyncio
import socket

from net_helpers import until

import nodenet.net as net


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_listen_forms_bind_the_port(loop):
    addresses = {}

    def remember(name, server):
        def listening():
            addresses[name] = server.address()
            server.close()
        return listening

    server0 = net.create_server(lambda sock: None)
    server0.listen(host="127.0.0.1", callback=remember(0, server0))

    port1 = free_port()
    server1 = net.create_server(lambda sock: None)
    server1.listen(port1, "127.0.0.1")
    await asyncio.sleep(0.1)
    addresses[1] = server1.address()
    server1.close()

    port2 = free_port()
    server2 = net.create_server(lambda sock: None)
    server2.listen(port2, "127.0.0.1", remember(2, server2))

    port3 = free_port()
    server3 = net.create_server(lambda sock: None)
    server3.listen(port3, "127.0.0.1", 127, remember(3, server3))

    port4 = free_port()
    server4 = net.create_server(lambda sock: None)
    server4.listen(port=port4, backlog=127, host="127.0.0.1", callback=remember(4, server4))

    await until(lambda: len(addresses) == 5)
    assert addresses[0]["port"] > 100
    assert addresses[1]["port"] == port1
    assert addresses[2]["port"] == port2
    assert addresses[3]["port"] == port3
    assert addresses[4]["port"] == port4
