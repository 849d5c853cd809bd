"""connect() / create_connection(): overloads, 'connect' then 'ready', errors."""

from __future__ import annotations

import socket

import pytest
from net_helpers import Recorder, closed, start_server, until

import nodenet
import nodenet.net as net
from nodenet.events import once


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_econnrefused(loop):
    port = _free_port()
    client = net.connect(port, "127.0.0.1")
    rec = Recorder(client, "connect", "error", "close")
    had_error = await closed(client)
    assert had_error is True
    assert rec.names == ["error", "close"]
    err = rec.events[0][1]
    assert isinstance(err, OSError)
    assert err.code == "ECONNREFUSED" and err.syscall == "connect"
    assert err.address == "127.0.0.1" and err.port == port
    assert err.errno == 111 or err.errno > 0
    assert f"connect ECONNREFUSED 127.0.0.1:{port}" in str(err)


async def test_connect_listener_then_connect_then_ready(loop):
    server = await start_server(lambda s: s.resume())
    order = []
    client = net.connect(server.address()["port"], "127.0.0.1", lambda: order.append("cb"))
    client.on("connect", lambda: order.append("connect"))
    client.on("ready", lambda: order.append("ready"))
    await once(client, "ready")
    assert order == ["cb", "connect", "ready"]
    client.destroy()
    server.close()


@pytest.mark.parametrize("how", ["kwargs", "dict", "port_only", "create_connection", "socket"])
async def test_connect_overloads(loop, how):
    server = await start_server(lambda s: s.end(b"hi"), 0)
    port = server.address()["port"]
    if how == "kwargs":
        client = net.connect(port=port, host="127.0.0.1")
    elif how == "dict":
        client = net.connect({"port": port, "host": "127.0.0.1"})
    elif how == "port_only":
        client = net.connect(port)
    elif how == "create_connection":
        client = nodenet.create_connection(port, "127.0.0.1")
    else:
        client = net.Socket()
        assert client.pending and not client.connecting
        assert client.connect(port, "127.0.0.1") is client
    got = []
    client.on("data", got.append)
    await once(client, "end")
    assert b"".join(got) == b"hi"
    server.close()


async def test_connect_ipv6(loop, ipv6):
    server = await start_server(lambda s: s.end(b"six"), 0, "::1")
    client = net.connect(server.address()["port"], "::1")
    got = []
    client.on("data", got.append)
    await once(client, "end")
    assert client.remote_family == "IPv6" and client.remote_address == "::1"
    assert b"".join(got) == b"six"
    server.close()


async def test_connect_unix_path(loop, tmp_path):
    path = str(tmp_path / "c.sock")
    server = await start_server(lambda s: s.end(b"unix"), path)
    client = net.connect(path)
    got = []
    client.on("data", got.append)
    await once(client, "end")
    assert b"".join(got) == b"unix"
    server.close()


async def test_connect_unix_missing(loop, tmp_path):
    client = net.connect(str(tmp_path / "nope.sock"))
    errors = []
    client.on("error", errors.append)
    await closed(client)
    assert errors[0].code == "ENOENT" and errors[0].syscall == "connect"


def test_connect_argument_errors(loop):
    with pytest.raises(TypeError) as info:
        net.connect()
    assert info.value.code == "ERR_MISSING_ARGS"
    assert str(info.value) == 'The "options" or "port" or "path" argument must be specified'
    with pytest.raises(TypeError) as info:
        net.connect({})
    assert info.value.code == "ERR_MISSING_ARGS"
    with pytest.raises(ValueError) as info:
        net.connect(70000)
    assert info.value.code == "ERR_SOCKET_BAD_PORT"
    assert str(info.value) == "Port should be >= 0 and < 65536. Received type int (70000)."


async def test_destroy_while_connecting(loop):
    server = await start_server()
    client = net.connect(server.address()["port"], "127.0.0.1")
    rec = Recorder(client, "connect", "close")
    client.destroy()
    await closed(client)
    assert rec.events == [("close", False)]
    server.close()


async def test_reconnect_after_close(loop):
    server = await start_server(lambda s: s.end(b"again"))
    port = server.address()["port"]
    client = net.Socket()
    for _ in range(2):
        got = []
        client.on("data", got.append)
        client.connect(port, "127.0.0.1")
        await closed(client)
        assert b"".join(got) == b"again"
        client.remove_all_listeners("data")
    server.close()


async def test_lookup_event_for_hostnames(loop):
    server = await start_server(lambda s: s.end())
    client = net.connect(server.address()["port"], "localhost")
    lookups = []
    client.on("lookup", lambda *a: lookups.append(a))
    client.resume()
    client.on("error", lambda e: None)
    await closed(client)
    assert lookups and lookups[0][0] is None and lookups[0][3] == "localhost"
    server.close()


async def test_end_callback_gets_the_connect_error(loop):
    client = net.connect(_free_port(), "127.0.0.1")
    client.on("error", lambda err: None)
    calls = []
    client.end(b"abc", lambda err=None: calls.append(err))
    await closed(client)
    await until(lambda: calls)
    assert calls[0].code == "ECONNREFUSED"
