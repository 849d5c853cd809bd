"""Server: close() semantics, get_connections, max_connections and 'drop', ref/unref, aclose."""

from __future__ import annotations

import asyncio

import pytest
from net_helpers import Recorder, closed, connected, listening, start_server, until

import nodenet.net as net
from nodenet.events import once


async def test_close_not_running_calls_back_with_error_and_emits_close(loop):
    server = net.create_server()
    rec = Recorder(server, "close")
    errors = []
    assert server.close(lambda err=None: errors.append(err)) is server
    assert rec.events == []
    await until(lambda: errors)
    assert rec.names == ["close"]
    assert errors[0].code == "ERR_SERVER_NOT_RUNNING"
    assert str(errors[0]) == "Server is not running."


async def test_close_waits_for_connections(loop):
    conns = []
    server = await start_server(conns.append)
    client = await connected(server.address()["port"])
    await until(lambda: conns)
    calls = []
    server.close(lambda err=None: calls.append(err))
    assert not server.listening
    assert server.address() is None
    await asyncio.sleep(0.05)
    assert calls == []
    refused = net.connect(client.remote_port, "127.0.0.1")
    (err,) = await once(refused, "error")
    assert err.code == "ECONNREFUSED"
    client.end()
    conns[0].resume()
    await until(lambda: calls)
    assert calls == [None]


async def test_server_close_before_socket_close(loop):
    order = []
    conns = []
    server = await start_server(conns.append)
    client = await connected(server.address()["port"])
    await until(lambda: conns)
    conns[0].on("close", lambda *a: order.append("socket close"))
    server.close(lambda err=None: order.append("server close"))
    conns[0].destroy()
    await until(lambda: len(order) == 2)
    assert order == ["server close", "socket close"]
    client.destroy()


async def test_close_twice(loop):
    server = await start_server()
    rec = Recorder(server, "close")
    errors = []
    server.close()
    server.close(lambda err=None: errors.append(err))
    await until(lambda: errors)
    assert errors[0].code == "ERR_SERVER_NOT_RUNNING"
    await asyncio.sleep(0.01)
    assert rec.names == ["close", "close"]  # Node: one per close() call


async def test_get_connections(loop):
    conns = []
    server = await start_server(conns.append)
    port = server.address()["port"]
    clients = [await connected(port) for _ in range(3)]
    await until(lambda: len(conns) == 3)
    counts = []
    assert server.get_connections(lambda err, n: counts.append((err, n))) is server
    assert counts == []
    await until(lambda: counts)
    assert counts == [(None, 3)]
    assert server.connections == 3
    clients[0].destroy()
    await until(lambda: server.connections == 2)
    for c in clients:
        c.destroy()
    server.close()
    await closed(server)


async def test_max_connections_and_drop(loop):
    conns = []
    server = await start_server(conns.append)
    server.max_connections = 1
    assert server.maxConnections == 1
    drops = []
    server.on("drop", drops.append)
    port = server.address()["port"]
    first = await connected(port)
    await until(lambda: conns)
    second = await connected(port)
    await until(lambda: drops)
    info = drops[0]
    assert set(info) == {"localAddress", "localPort", "localFamily", "remoteAddress",
                         "remotePort", "remoteFamily"}
    assert info["localPort"] == port and info["remotePort"] == second.local_port
    assert info["localFamily"] == "IPv4" and info["remoteAddress"] == "127.0.0.1"
    second.resume()
    await closed(second)
    assert len(conns) == 1
    first.destroy()
    server.close()


def test_max_connections_validation(loop):
    with pytest.raises(TypeError):
        net.create_server().max_connections = "1"


async def test_async_with_and_aclose(loop):
    async with net.create_server() as server:
        await listening(server)
        assert server.listening
    assert not server.listening
    await server.aclose()


async def test_connection_listener_and_options_dict(loop):
    conns = []
    server = net.create_server({"allowHalfOpen": True, "pauseOnConnect": True}, conns.append)
    await listening(server)
    client = await connected(server.address()["port"])
    await until(lambda: conns)
    assert conns[0].allow_half_open and conns[0].is_paused()
    client.destroy()
    server.close()


def test_create_server_bad_options(loop):
    with pytest.raises(TypeError) as info:
        net.create_server("nope")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as info:
        net.create_server(allow_half_open=1)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


async def test_high_water_mark_option(loop):
    conns = []
    server = await start_server(conns.append, high_water_mark=1024)
    client = await connected(server.address()["port"])
    await until(lambda: conns)
    assert conns[0].writable_high_water_mark == 1024
    client.destroy()
    server.close()


async def test_connection_listener_exception_is_reported(loop):
    def bad(sock):
        raise ValueError("in connection listener")

    server = await start_server(bad)
    client = await connected(server.address()["port"])
    await until(lambda: loop.errors)
    assert isinstance(loop.errors[0]["exception"], ValueError)
    loop.errors.clear()
    other = await connected(server.address()["port"])
    await until(lambda: loop.errors)
    loop.errors.clear()
    client.destroy()
    other.destroy()
    server.close()
