"""Faults: resets mid-write, half-open peers, peers that never read, slowloris, vanishing
proxy peers, server.close() during transfers."""

from __future__ import annotations

import asyncio
import errno
import socket as pysocket

import pytest
from rel_helpers import (
    closed,
    connected,
    connection_count,
    echo,
    port_of,
    proxy_server,
    raw_client,
    read_until_eof,
    reset,
    start_server,
    until,
)

import nodenet
import nodenet.net as net
from nodenet.events import once

pytestmark = pytest.mark.timeout(30)

CHUNK = b"x" * 65536


def record(socket, events):
    socket.on("error", lambda err: events.append(("error", err)))
    socket.on("close", lambda had_error: events.append(("close", had_error)))
    socket.on("end", lambda: events.append(("end",)))


def assert_reset_events(events):
    """Node: 'error' ECONNRESET (syscall read) or EPIPE (write), then 'close'(True)."""
    names = [e[0] for e in events if e[0] != "end"]
    assert names == ["error", "close"], events
    err = events[-2][1]
    assert isinstance(err, OSError)
    assert (err.code, err.syscall) in {("ECONNRESET", "read"), ("EPIPE", "write")}, err
    assert err.errno in (errno.ECONNRESET, errno.EPIPE)
    assert events[-1] == ("close", True)


async def test_server_socket_peer_resets_mid_write(loop):
    events = []
    sockets = []

    def on_connection(socket):
        sockets.append(socket)
        record(socket, events)

        def pump():
            while not socket.destroyed and socket.write(CHUNK):
                pass
        socket.on("drain", pump)
        pump()

    server = await start_server(on_connection)
    peer = await raw_client(port_of(server))
    assert await loop.sock_recv(peer, 1000)
    await until(lambda: sockets and sockets[0].writable_length > 0)
    reset(peer)
    await closed(sockets[0])
    assert_reset_events(events)
    assert sockets[0].destroyed
    assert await connection_count(server) == 0
    server.close()
    await once(server, "close")


async def test_client_socket_peer_resets_mid_write(loop):
    raw = pysocket.create_server(("127.0.0.1", 0))
    raw.setblocking(False)
    port = raw.getsockname()[1]
    client = net.connect(port, "127.0.0.1")
    events = []
    record(client, events)

    def pump():
        while not client.destroyed and client.write(CHUNK):
            pass
    client.on("drain", pump)
    client.on("connect", pump)
    peer, _ = await loop.sock_accept(raw)
    assert await loop.sock_recv(peer, 1000)
    await until(lambda: client.writable_length > 0)
    reset(peer)
    await closed(client)
    raw.close()
    assert_reset_events(events)


@pytest.mark.parametrize("allow_half_open", [False, True])
async def test_half_open_peer(loop, allow_half_open):
    """A peer that sends FIN and then lingers: Node ends our side too unless allow_half_open."""
    events = []
    sockets = []

    def on_connection(socket):
        sockets.append(socket)
        record(socket, events)
        socket.on("data", lambda data: None)

    server = await start_server(on_connection, allow_half_open=allow_half_open)
    peer = await raw_client(port_of(server))
    await loop.sock_sendall(peer, b"request")
    peer.shutdown(pysocket.SHUT_WR)
    await until(lambda: ("end",) in events)
    socket = sockets[0]
    if allow_half_open:
        await asyncio.sleep(0.05)
        assert not socket.destroyed and socket.writable
        assert server.connections == 1
        socket.end(b"late reply")
        assert await read_until_eof(peer) == b"late reply"
    else:
        assert await read_until_eof(peer) == b""
    await until(lambda: ("close", False) in events)
    assert [e[0] for e in events] == ["end", "close"]
    assert await connection_count(server) == 0
    peer.close()
    server.close()
    await once(server, "close")


async def test_peer_that_never_reads(loop):
    """write() returns False at the high-water mark; a writer that waits for 'drain' keeps the
    buffer within one chunk of it, and everything arrives once the peer reads."""
    total = 8 * 1024 * 1024
    state = {"sent": 0, "false": 0, "max_buffered": 0, "drains": 0}
    sockets = []

    def on_connection(socket):
        sockets.append(socket)
        hwm = socket.writable_high_water_mark

        def pump():
            while state["sent"] < total:
                ok = socket.write(CHUNK)
                state["sent"] += len(CHUNK)
                state["max_buffered"] = max(state["max_buffered"], socket.writable_length)
                if not ok:
                    state["false"] += 1
                    assert socket.writable_length >= hwm
                    return
            socket.end()

        def on_drain():
            state["drains"] += 1
            pump()
        socket.on("drain", on_drain)
        pump()

    server = await start_server(on_connection)
    peer = await raw_client(port_of(server), rcvbuf=4096)
    await until(lambda: state["false"] == 1)
    await asyncio.sleep(0.3)
    socket = sockets[0]
    assert state["false"] == 1 and state["drains"] == 0
    assert state["sent"] < total
    bound = socket.writable_high_water_mark + len(CHUNK)
    assert state["max_buffered"] <= bound
    assert socket.writable_length <= bound
    received = await read_until_eof(peer)
    assert len(received) == total
    assert state["drains"] >= 1
    assert state["max_buffered"] <= bound
    peer.close()
    server.close()
    await once(server, "close")


async def test_slowloris_peers_time_out(loop):
    """Peers that send a partial request and stall get 'timeout'; the listener destroys them."""
    timeout_ms = 150
    timed_out = []
    sockets = []

    def on_connection(socket):
        sockets.append(socket)
        started = loop.time()
        socket.set_timeout(timeout_ms)
        socket.on("data", lambda data: None)

        def on_timeout():
            timed_out.append(loop.time() - started)
            assert not socket.destroyed
            socket.destroy()
        socket.on("timeout", on_timeout)

    server = await start_server(on_connection)
    peers = [await raw_client(port_of(server)) for _ in range(20)]
    for peer in peers:
        await loop.sock_sendall(peer, b"GET / HTTP/1.1\r\nHost: x\r\n")
    trickler = peers[0]
    for _ in range(3):
        await asyncio.sleep(0.05)
        await loop.sock_sendall(trickler, b"X")
    await until(lambda: len(timed_out) == len(peers), 5)
    assert all(t >= timeout_ms / 1000 - 0.01 for t in timed_out)
    assert max(timed_out) < 3
    for peer in peers:
        assert await read_until_eof(peer) == b""
        peer.close()
    await until(lambda: all(s.destroyed for s in sockets))
    assert await connection_count(server) == 0
    server.close()
    await once(server, "close")


@pytest.mark.parametrize("vanishing", ["client", "upstream"])
async def test_peer_vanishes_during_proxy_transfer(loop, vanishing):
    """A reset on either side of a pipe() proxy destroys both proxy sockets, each emits
    'close', and nothing escapes to the loop."""
    upstream_sockets = []
    pairs = []
    closes = []

    def upstream_connection(socket):
        upstream_sockets.append(socket)
        socket.on("error", lambda err: None)

        def pump():
            while not socket.destroyed and socket.write(CHUNK):
                pass
        socket.on("drain", pump)
        pump()

    upstream = await start_server(upstream_connection)
    proxy = proxy_server(port_of(upstream), pairs)
    proxy.listen(0, "127.0.0.1")
    await once(proxy, "listening")

    peer = await raw_client(port_of(proxy))
    received = 0
    while received < 1 << 20:
        received += len(await loop.sock_recv(peer, 1 << 16))
    (proxy_sockets,) = pairs
    for name, socket in zip(("client side", "upstream side"), proxy_sockets, strict=True):
        socket.on("close", lambda had_error, name=name: closes.append(name))
    if vanishing == "client":
        reset(peer)
    else:
        upstream_sockets[0].reset_and_destroy()
        try:
            await read_until_eof(peer, 5)
        except ConnectionResetError:
            pass
        peer.close()
    await until(lambda: len(closes) == 2, 5, "both proxy sockets closed")
    assert sorted(closes) == ["client side", "upstream side"]
    assert all(socket.destroyed for socket in proxy_sockets)
    await until(lambda: proxy.connections == 0 and upstream.connections == 0, 5)
    await asyncio.sleep(0.05)
    assert not loop.errors
    proxy.close()
    upstream.close()
    await asyncio.gather(once(proxy, "close"), once(upstream, "close"))


async def test_server_close_while_transfers_run(loop):
    """server.close() stops accepting; every accepted transfer completes in full, then 'close'."""
    clients = 8
    size = 2 * 1024 * 1024
    order = []
    accepted = []

    def on_connection(socket):
        accepted.append(socket)
        socket.on("close", lambda _: order.append("socket close"))
        echo(socket)

    server = await start_server(on_connection)
    port = port_of(server)
    at_close = []
    server.on("close", lambda: (order.append("server close"), at_close.append(
        (server.connections, sum(s.bytes_written for s in accepted),
         all(s.destroyed for s in accepted)))))
    payloads = [bytes([i]) * size for i in range(clients)]
    sockets = [await connected(port) for _ in range(clients)]
    results = []

    async def transfer(client, payload):
        got = []
        client.on("data", got.append)
        for start in range(0, size, len(CHUNK)):
            if not client.write(payload[start:start + len(CHUNK)]):
                await once(client, "drain")
        client.end()
        await once(client, "end")
        results.append(b"".join(got) == payload)

    tasks = [loop.create_task(transfer(c, p)) for c, p in zip(sockets, payloads, strict=True)]
    await until(lambda: all(s.bytes_read > 0 for s in sockets))
    server.close()
    assert not server.listening
    refused = net.connect(port, "127.0.0.1")
    errors = []
    refused.on("error", errors.append)
    refused_closed = closed(refused)
    await asyncio.wait_for(asyncio.gather(*tasks), 20)
    await until(lambda: "server close" in order, 5)
    assert results == [True] * clients
    assert at_close == [(0, clients * size, True)]
    await until(lambda: order.count("socket close") == clients)
    assert await refused_closed is True
    assert errors and errors[0].code == "ECONNREFUSED"


ROUNDS = 5


def test_end_after_peer_closed(loop):
    """end() on connections whose peer sent, closed and is gone before the accept: Node v20
    gives 'data', 'finish', 'end', 'close'(false) and ignores shutdown's ENOTCONN."""
    events = []

    def on_connection(socket):
        record = []
        events.append(record)
        socket.on("error", lambda err: record.append(("error", err)))
        socket.on("close", lambda had_error: record.append(("close", had_error)))
        socket.on("data", lambda data: record.append(("data", data)))
        socket.on("end", lambda: record.append(("end",)))
        socket.end(b"hi")
        if len(events) == ROUNDS:
            server.close()

    def peers():
        """Blocks the loop: each peer connects, sends, closes before the server accepts."""
        for _ in range(ROUNDS):
            with pysocket.create_connection(("127.0.0.1", port_of(server))) as peer:
                peer.sendall(b"x")

    server = net.create_server(on_connection)
    server.listen(0, "127.0.0.1", peers)
    nodenet.run()
    assert len(events) == ROUNDS
    for record in events:
        assert ("data", b"x") in record and ("end",) in record
        assert record[-1] == ("close", False), record
