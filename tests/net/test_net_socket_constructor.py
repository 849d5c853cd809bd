"""Port of Node's test/parallel/test-net-socket-constructor.js.

Node: new Socket({fd: -1}) throws ERR_OUT_OF_RANGE and {fd: 'foo'}
ERR_INVALID_ARG_TYPE; a new Socket, a connecting client, a connected client
and an accepted socket are all readable and writable. Left out: sockets
made from another socket's handle or from inherited descriptors 4-6 in a
cluster worker (no handles or cluster in Python).
"""

import pytest
from net_helpers import start_server, until

import nodenet.net as net


def test_bad_fd():
    with pytest.raises(ValueError) as info:
        net.Socket({"fd": -1})
    assert info.value.code == "ERR_OUT_OF_RANGE"
    with pytest.raises(TypeError) as info:
        net.Socket({"fd": "foo"})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


async def test_readable_and_writable(loop):
    seen = []
    sock = net.Socket()
    seen.append((sock.readable, sock.writable))

    def on_connection(conn):
        seen.append((conn.readable, conn.writable))
        server.close()

    server = await start_server(on_connection)

    def on_connect():
        seen.append((client.readable, client.writable))
        client.end()

    client = net.connect(server.address()["port"], "127.0.0.1", on_connect)
    seen.append((client.readable, client.writable))
    await until(lambda: len(seen) == 4 and not server.listening)
    assert seen == [(True, True)] * 4
