"""Port of Node's test/parallel/test-net-server-drop-connections.js.

Node: a server with ``maxConnections = 1`` accepts its first client and emits
'drop' for the second, with the dropped connection's localAddress, localPort,
remoteAddress, remotePort and remoteFamily. Left out: the "dormant" server
with ``maxConnections = 0``, which the newest Node drops every connection of;
Node v20 (the reference here) treats 0 as no limit and accepts, as nodenet does.
"""

from net_helpers import listening, until

import nodenet.net as net


async def test_drop_event_carries_the_connection(loop):
    accepted = []
    drops = []

    def on_drop(data):
        drops.append(data)
        accepted[0].destroy()
        server.close()

    server = net.create_server(accepted.append)
    server.max_connections = 1
    server.on("drop", on_drop)
    await listening(server)
    port = server.address()["port"]
    clients = [net.create_connection(port, "127.0.0.1") for _ in range(2)]
    for client in clients:
        client.on("error", lambda err: None)
    await until(lambda: drops)
    assert len(accepted) == 1
    (data,) = drops
    for key in ("localAddress", "localPort", "remoteAddress", "remotePort", "remoteFamily"):
        assert data[key], key
    assert data["localAddress"] == "127.0.0.1"
    assert data["localPort"] == port
    assert data["remoteFamily"] == "IPv4"
    for client in clients:
        client.destroy()

