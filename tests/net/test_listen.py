"""Server.listen(): Node's overloads, address(), 'listening', argument errors, bind errors."""

from __future__ import annotations

import os
import socket
import stat

import pytest
from net_helpers import Recorder, listening

import nodenet
import nodenet.net as net
from nodenet.events import AbortController, once


async def test_listen_port_host_callback(loop):
    server = net.create_server()
    called = []
    assert server.listen(0, "127.0.0.1", lambda: called.append(server.address())) is server
    assert server.listening
    assert called == []
    await once(server, "listening")
    assert called == [server.address()]
    addr = server.address()
    assert addr["address"] == "127.0.0.1" and addr["family"] == "IPv4" and addr["port"] > 0
    server.close()


async def test_listen_without_host_is_dual_stack(loop, ipv6):
    server = await listening(net.create_server(), 0)
    addr = server.address()
    assert addr["address"] == "::" and addr["family"] == "IPv6"
    client = net.connect(addr["port"], "127.0.0.1")
    conn = await once(server, "connection")
    assert conn[0].remote_address == "::ffff:127.0.0.1"
    assert conn[0].remote_family == "IPv6"
    client.destroy()
    server.close()


@pytest.mark.parametrize("args", [(), (None,), ("0",), (0,)])
async def test_listen_random_port_overloads(loop, args):
    server = net.create_server()
    server.listen(*args)
    await once(server, "listening")
    assert server.address()["port"] > 0
    server.close()


async def test_listen_callback_only(loop):
    server = net.create_server()
    seen = []
    server.listen(lambda: seen.append(1))
    await once(server, "listening")
    assert seen == [1]
    server.close()


async def test_listen_numeric_string_is_a_port(loop):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    server = await listening(net.create_server(), str(port), "127.0.0.1")
    assert server.address()["port"] == port
    server.close()


async def test_listen_options_dict_and_kwargs(loop):
    server = await listening(net.create_server(), {"port": 0, "host": "127.0.0.1"})
    assert server.address()["address"] == "127.0.0.1"
    server.close()
    await once(server, "close")
    seen = []
    server.listen(port=0, host="127.0.0.1", backlog=5, callback=lambda: seen.append(1))
    await once(server, "listening")
    assert seen == [1]
    server.close()


async def test_listen_with_backlog_positional(loop):
    server = await listening(net.create_server(), 0, "127.0.0.1", 10)
    assert server.listening
    server.close()


async def test_listen_ipv6_loopback(loop, ipv6):
    server = await listening(net.create_server(), 0, "::1")
    assert server.address()["address"] == "::1"
    assert server.address()["family"] == "IPv6"
    server.close()


async def test_listen_ipv6_only(loop, ipv6):
    server = await listening(net.create_server(), port=0, host="::", ipv6_only=True)
    port = server.address()["port"]
    client = net.connect(port, "127.0.0.1")
    err = await once(client, "error")
    assert err[0].code == "ECONNREFUSED"
    server.close()


async def test_listen_localhost_name(loop):
    server = net.create_server()
    server.listen(0, "localhost")
    await once(server, "listening")
    assert server.address()["address"] in ("127.0.0.1", "::1")
    server.close()


async def test_listening_is_emitted_asynchronously(loop):
    server = net.create_server()
    rec = Recorder(server, "listening")
    server.listen(0, "127.0.0.1")
    assert rec.events == []
    await once(server, "listening")
    server.close()


@pytest.mark.parametrize("port, shown", [
    (70000, "type int (70000)"),
    (-1, "type int (-1)"),
    (1.5, "type float (1.5)"),
    ("70000", "type str ('70000')"),
])
def test_bad_port(loop, port, shown):
    server = net.create_server()
    with pytest.raises(ValueError) as info:
        server.listen(port)
    assert info.value.code == "ERR_SOCKET_BAD_PORT"
    assert str(info.value) == f"options.port should be >= 0 and < 65536. Received {shown}."
    assert not server.listening


def test_bad_port_in_options(loop):
    with pytest.raises(ValueError) as info:
        net.create_server().listen({"port": "70000"})
    assert info.value.code == "ERR_SOCKET_BAD_PORT"


@pytest.mark.parametrize("options, tail", [
    ({}, "must have the property \"port\" or \"path\""),
    ({"host": "x"}, "must have the property \"port\" or \"path\""),
    ({"port": True}, "is invalid"),
])
def test_invalid_options(loop, options, tail):
    with pytest.raises(TypeError) as info:
        net.create_server().listen(options)
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert str(info.value).startswith(f"The argument 'options' {tail}. Received")


async def test_listen_twice_raises(loop):
    server = net.create_server().listen(0, "127.0.0.1")
    with pytest.raises(Exception) as info:
        server.listen(0)
    assert info.value.code == "ERR_SERVER_ALREADY_LISTEN"
    assert str(info.value) == "Listen method has been called more than once without closing."
    await once(server, "listening")
    server.close()


async def test_eaddrinuse_is_emitted_and_listen_works_again(loop):
    first = await listening(net.create_server())
    port = first.address()["port"]
    second = net.create_server()
    second.listen(port, "127.0.0.1")
    (err,) = await once(second, "error")
    assert isinstance(err, OSError)
    assert err.code == "EADDRINUSE"
    assert err.syscall == "listen"
    assert err.address == "127.0.0.1" and err.port == port
    assert f"listen EADDRINUSE: address already in use 127.0.0.1:{port}" in str(err)
    assert not second.listening
    second.listen(0, "127.0.0.1")
    await once(second, "listening")
    assert second.address()["port"] != port
    first.close()
    second.close()


async def test_listen_again_after_close(loop):
    server = await listening(net.create_server())
    server.close()
    await once(server, "close")
    assert server.address() is None
    await listening(server)
    assert server.listening
    server.close()


async def test_listen_on_unix_path(loop, tmp_path):
    path = str(tmp_path / "s.sock")
    server = net.create_server(lambda s: s.end(b"hi"))
    server.listen(path)
    await once(server, "listening")
    assert server.address() == path
    client = net.connect(path)
    data = []
    client.on("data", data.append)
    await once(client, "end")
    assert b"".join(data) == b"hi"
    server.close()
    await once(server, "close")
    assert server.address() == path
    assert not os.path.exists(path)


async def test_listen_unix_in_use(loop, tmp_path):
    path = str(tmp_path / "s.sock")
    first = await listening(net.create_server(), path)
    second = net.create_server()
    second.listen(path)
    (err,) = await once(second, "error")
    assert err.code == "EADDRINUSE" and err.syscall == "listen"
    first.close()


async def test_listen_unix_readable_writable_all(loop, tmp_path):
    path = str(tmp_path / "s.sock")
    server = await listening(net.create_server(),
                             {"path": path, "readableAll": True, "writableAll": True})
    mode = stat.S_IMODE(os.stat(path).st_mode)
    assert mode & 0o666 == 0o666
    server.close()


async def test_listen_on_bound_socket_handle(loop):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = await listening(net.create_server(lambda s: s.end(b"x")), sock)
    assert server.address()["port"] == port
    client = net.connect(port, "127.0.0.1")
    client.resume()
    await once(client, "end")
    server.close()


async def test_listen_on_fd_dict(loop):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    fd = sock.detach()
    server = await listening(net.create_server(), {"fd": fd})
    assert server.address()["port"] == port
    server.close()


async def test_listen_reuse_port(loop):
    if not hasattr(socket, "SO_REUSEPORT"):
        pytest.skip("no SO_REUSEPORT")
    first = await listening(net.create_server(), port=0, host="127.0.0.1", reuse_port=True)
    port = first.address()["port"]
    second = await listening(net.create_server(), port=port, host="127.0.0.1", reuse_port=True)
    assert second.address()["port"] == port
    first.close()
    second.close()


async def test_listen_signal_aborts(loop):
    controller = AbortController()
    server = net.create_server()
    server.listen(port=0, host="127.0.0.1", signal=controller.signal)
    await once(server, "listening")
    controller.abort()
    await once(server, "close")
    assert not server.listening


async def test_listen_already_aborted_signal(loop):
    controller = AbortController()
    controller.abort()
    server = net.create_server()
    server.listen(port=0, host="127.0.0.1", signal=controller.signal)
    await once(server, "close")
    assert not server.listening


def test_listen_bad_signal(loop):
    with pytest.raises(TypeError) as info:
        net.create_server().listen(port=0, signal="nope")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


def test_camel_case_aliases():
    assert net.createServer is net.create_server
    assert nodenet.createServer is net.create_server
    assert net.Server.getConnections is net.Server.get_connections
    assert net.Socket.setEncoding is net.Socket.set_encoding
    assert net.Socket.remoteAddress is net.Socket.remote_address
    assert net.Socket.addListener is net.Socket.on


def test_is_ip():
    assert net.is_ip("127.0.0.1") == 4
    assert net.is_ip("::1") == 6
    assert net.is_ip("fe80::1%eth0") == 6
    assert net.is_ip("1.2.3.04") == 0
    assert net.is_ip("localhost") == 0
    assert net.is_ip(123) == 0
    assert net.is_ipv4("10.0.0.255") and not net.is_ipv4("256.0.0.1")
    assert net.is_ipv6("2001:db8::") and not net.is_ipv6("127.0.0.1")
    assert net.isIP is net.is_ip


@pytest.mark.parametrize("host", [5, True, ["x"]])
def test_listen_non_string_host(loop, host):
    server = net.create_server()
    with pytest.raises(TypeError) as info:
        server.listen({"host": host, "port": 0})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert not server.listening


@pytest.mark.parametrize("zone", ["lo", "1", "nosuchif"])
async def test_ipv6_address_with_a_zone_listens_and_connects(loop, ipv6, zone):
    """As libuv parses it, the ``%zone`` of an IPv6 address names an interface whose
    index becomes the scope id (an unknown one is ignored): ``::1%lo`` listens on ::1
    and connects to it. getaddrinfo would refuse a zone on a loopback address."""
    host = f"::1%{zone}"
    server = net.create_server(lambda sock: sock.end())
    server.listen(0, host)
    await once(server, "listening")
    address = server.address()
    assert (address["address"], address["family"]) == ("::1", "IPv6")
    client = net.connect(address["port"], host)
    await once(client, "connect")
    assert (client.remote_address, client.remote_family) == ("::1", "IPv6")
    client.destroy()
    server.close()
    await once(server, "close")
