"""Listener exceptions: nodenet.run() raises them; inside a user's loop they reach the loop's
exception handler; the server's other connections are not disturbed."""

from __future__ import annotations

import asyncio

import pytest
from rel_helpers import connected, port_of, start_server, until

import nodenet
import nodenet.net as net
from nodenet.events import once

pytestmark = pytest.mark.timeout(30)


class Boom(Exception):
    pass


def cleanup(loop, *handles):
    for handle in handles:
        if isinstance(handle, net.Server):
            handle.close()
        else:
            handle.destroy()
    loop.run_until_complete(asyncio.sleep(0.05))


@pytest.mark.parametrize("where", ["data", "connection"])
def test_run_raises_listener_exception(loop, where):
    handles = []

    def on_connection(socket):
        handles.append(socket)
        if where == "connection":
            raise Boom(where)

        def on_data(data):
            raise Boom(where)
        socket.on("data", on_data)

    def main():
        server = net.create_server(on_connection)
        handles.append(server)
        server.listen(0, "127.0.0.1", lambda: handles.append(
            net.connect(port_of(server), "127.0.0.1").end(b"x")))

    with pytest.raises(Boom, match=where):
        nodenet.run(main)
    cleanup(loop, *handles)


@pytest.mark.parametrize("where", ["data", "connection"])
async def test_loop_handler_gets_listener_exception_others_unharmed(loop, where):
    """One connection's listener raises; the other connections still echo byte-exact and the
    server keeps accepting and counting."""
    sockets = []

    def on_connection(socket):
        """Connection 3 raises before adding a 'data' listener: it never reads (as in Node)."""
        sockets.append(socket)
        if where == "connection" and len(sockets) == 3:
            raise Boom("connection 3")
        socket.on("error", lambda err: None)

        def on_data(data):
            if data.startswith(b"boom"):
                raise Boom(data.decode())
            socket.write(data)
        socket.on("data", on_data)

    server = await start_server(on_connection)
    port = port_of(server)
    clients = [await connected(port) for _ in range(6)]
    echoed = [[] for _ in clients]
    for client, got in zip(clients, echoed, strict=True):
        client.on("data", got.append)
    await until(lambda: len(sockets) == 6)
    for i, client in enumerate(clients):
        client.write(b"boom %d" % i if where == "data" and i == 2 else b"hello %d" % i)
    await until(lambda: len(loop.errors) == 1)
    (context,) = loop.errors
    assert isinstance(context["exception"], Boom)
    loop.errors.clear()
    for i, client in enumerate(clients):
        if i != 2:
            client.write(b" again")
    expected = {i: b"hello %d again" % i for i in range(6) if i != 2}
    await until(lambda: all(b"".join(echoed[i]) == want for i, want in expected.items()))
    late = await connected(port)
    assert server.connections == 7
    late.destroy()
    for client in clients:
        client.end()
    if where == "connection":
        await until(lambda: server.connections == 1)
        assert sockets[2].readable_flowing is None
        sockets[2].destroy()
    await until(lambda: server.connections == 0)
    server.close()
    await once(server, "close")
    assert not loop.errors
