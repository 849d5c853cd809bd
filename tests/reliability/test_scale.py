"""Scale: N concurrent connections accepted, echoed and closed; get_connections exact."""

from __future__ import annotations

import asyncio
import sys

import pytest
from rel_helpers import HERE, connection_count, echo, port_of, size, start_server, until

import nodenet.net as net
from nodenet.events import once

N = size(1000, 10000)

pytestmark = pytest.mark.timeout(300 if N > 1000 else 30)


@pytest.mark.heavy
async def test_concurrent_connections(loop):
    """N clients (a subprocess, so fds do not cap N) connect at once, echo, then all close."""
    accepted = []
    counts_at_accept = []
    counts_at_close = []

    def on_connection(socket):
        accepted.append(socket)
        counts_at_accept.append((len(accepted), server.connections))
        socket.on("close", lambda _: counts_at_close.append(server.connections))
        echo(socket)

    server = await start_server(on_connection)
    client = await asyncio.create_subprocess_exec(
        sys.executable, str(HERE / "scale_client.py"), str(port_of(server)), str(N),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    try:
        line = await asyncio.wait_for(client.stdout.readline(), 240)
        assert line == b"open %d\n" % N
        assert len(accepted) == N
        assert all(seen == expected for expected, seen in counts_at_accept)
        assert server.connections == N
        assert await connection_count(server) == N
        assert not any(s.destroyed for s in accepted)

        client.stdin.write(b"close\n")
        await client.stdin.drain()
        await until(lambda: len(counts_at_close) == N, 60, "every server socket closed")
        assert counts_at_close == sorted(counts_at_close, reverse=True)
        assert counts_at_close[-1] == 0
        assert await connection_count(server) == 0
        assert await asyncio.wait_for(client.stdout.readline(), 60) == b"closed\n"
        assert await asyncio.wait_for(client.wait(), 30) == 0
    finally:
        if client.returncode is None:
            client.kill()
            await client.wait()
    server.close()
    await once(server, "close")
    assert sum(s.bytes_read for s in accepted) == 16 * N


async def test_max_connections_under_load(loop):
    """More clients than max_connections at once: exactly the limit is served, every other
    connection is dropped with 'drop', and the count never exceeds the limit."""
    limit, clients = 50, 200
    accepted, dropped, seen = [], [], []

    def on_connection(socket):
        accepted.append(socket)
        seen.append(server.connections)
        socket.on("error", lambda err: None)

    server = await start_server(on_connection)
    server.max_connections = limit
    server.on("drop", dropped.append)
    socks = [net.connect(port_of(server), "127.0.0.1") for _ in range(clients)]
    closes = []
    for sock in socks:
        sock.on("error", lambda err: None)
        sock.on("close", closes.append)
    await until(lambda: len(accepted) + len(dropped) == clients, 10)
    assert len(accepted) == limit and len(dropped) == clients - limit
    assert max(seen) == limit and await connection_count(server) == limit
    assert all(d["remoteAddress"] == "127.0.0.1" for d in dropped)
    await until(lambda: len(closes) == clients - limit, 10, "dropped clients closed")
    for sock in socks:
        sock.destroy()
    await until(lambda: server.connections == 0)
    server.close()
    await once(server, "close")
